#pragma once

// `scripts/admin <arguments>` against the test stack, as the staff run it: the commands
// that act through the services the manager console will call.

#include <sys/wait.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "stack.hpp"

namespace admintest {

// One shell word: the argument in single quotes, its own single quotes escaped.
inline std::string shellQuoted(const std::string& text) {
    std::string quoted = "'";
    for (const char c : text) {
        if (c == '\'') {
            quoted += "'\\''";
        } else {
            quoted += c;
        }
    }
    return quoted + "'";
}

// Runs scripts/admin with `arguments`; true when it exits 0.
inline bool runAdmin(const std::vector<std::string>& arguments) {
    const mmx::apitest::StackEnv& env = mmx::apitest::stackEnv();
    std::string port = "80";
    const auto colon = env.baseUrl.rfind(':');
    if (colon != std::string::npos && colon > 5) port = env.baseUrl.substr(colon + 1);
    std::string line = "MMX_VAR=" + shellQuoted(env.varDir) + " MMX_PORT=" + shellQuoted(port) +
                       " " + shellQuoted(env.repoRoot + "/scripts/admin");
    for (const auto& argument : arguments) line += " " + shellQuoted(argument);
    line += " >/dev/null 2>&1";
    const int rc = std::system(line.c_str());
    return WIFEXITED(rc) && WEXITSTATUS(rc) == 0;
}

}  // namespace admintest
