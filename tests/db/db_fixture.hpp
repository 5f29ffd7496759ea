#pragma once

// Repository-tier tests: the project's code against the test stack's real MariaDB
// (schema from schema/, applied by scripts/migrate), no nginx, no workers.

#include <sodium.h>

#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <memory>
#include <string>

#include "core/api_error.hpp"
#include "core/clock.hpp"
#include "core/config.hpp"
#include "core/crypto.hpp"
#include "db/user_repository.hpp"
#include "services/services.hpp"
#include "services/sms_codes.hpp"

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

// The code of the ApiError `action` throws; fails the test when it throws none.
inline ErrorCode codeOf(const std::function<void()>& action) {
    try {
        action();
    } catch (const ApiError& error) {
        return error.code();
    }
    BOOST_FAIL("expected an ApiError");
    return ErrorCode::ServerError;
}

// A user stored directly, with a fresh mobile and a placeholder password hash. Tests
// that make hundreds of users draw among thousands already stored: a drawn mobile that
// is taken is drawn again.
inline std::int64_t newUser(Services& services) {
    for (int attempt = 1;; ++attempt) {
        try {
            return db::UserRepository(services.db).create(freshMobile(), "h", nowMs());
        } catch (const db::DuplicateKey&) {
            if (attempt >= 5) throw;
        }
    }
}

struct Stack {
    Stack() : config(stackConfig()) { initCrypto(); }
    Config config;
};

// Keeps the last code a send produced, as the phone would read it.
class CapturingSender : public SmsSender {
  public:
    void send(const SmsMessage& message) override { code = message.code; }
    std::string code;
};

// Sends `mobile` a code for `purpose` through a capturing sender put into `services`: the code.
inline std::string sendAndRead(Services& services, const std::string& mobile,
                               services::CodePurpose purpose) {
    auto sender = std::make_unique<CapturingSender>();
    CapturingSender& kept = *sender;
    services.sms = std::move(sender);
    services::sendCode(services, mobile, purpose, true);
    return kept.code;
}

}  // namespace mmx::dbtest
