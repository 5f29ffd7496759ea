#pragma once

// Repository-tier tests: the project's code against the test stack's real MariaDB
// (schema from schema/, applied by scripts/migrate), no nginx, no workers.

#include <sodium.h>

#include <cstdlib>
#include <fstream>
#include <string>

#include "core/config.hpp"
#include "core/crypto.hpp"
#include "services/services.hpp"

namespace mmx::dbtest {

// The test stack's server environment, as scripts/stack wrote it to $MMX_TEST_VAR/env.sh.
inline Config stackConfig() {
    const char* var = std::getenv("MMX_TEST_VAR");
    if (var == nullptr) throw std::runtime_error("MMX_TEST_VAR is not set");
    std::ifstream env(std::string(var) + "/env.sh");
    std::string line;
    while (std::getline(env, line)) {
        if (line.rfind("export ", 0) != 0) continue;
        const auto eq = line.find('=');
        if (eq == std::string::npos || line.find(' ', 7) < eq) continue;
        setenv(line.substr(7, eq - 7).c_str(), line.substr(eq + 1).c_str(), 1);
    }
    return loadConfigFromEnvironment();
}

// A mobile number no other test run has used.
inline std::string freshMobile() {
    return "166" + std::to_string(10000000 + randombytes_uniform(89999999));
}

struct Stack {
    Stack() : config(stackConfig()) { initCrypto(); }
    Config config;
};

}  // namespace mmx::dbtest
