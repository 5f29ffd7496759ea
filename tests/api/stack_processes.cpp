// The stack's processes and files, as the reliability and log tests see them.
#include <dirent.h>
#include <signal.h>
#include <sys/wait.h>

#include <cerrno>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "stack.hpp"

namespace mmx::apitest {

int runStackCommand(const std::string& command) {
    const StackEnv& env = stackEnv();
    std::string port = "80";
    const auto colon = env.baseUrl.rfind(':');
    if (colon != std::string::npos && colon > 5) port = env.baseUrl.substr(colon + 1);
    const std::string line = "MMX_VAR='" + env.varDir + "' MMX_PORT='" + port + "' '" +
                             env.repoRoot + "/scripts/stack' " + command;
    const int rc = std::system(line.c_str());
    return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

std::string runDir() {
    // $RUN is $VAR/run unless that path is too long for a unix socket
    // (scripts/lib/common.sh); `scripts/stack up` writes the one it chose to
    // $VAR/env.sh as MMX_RUN_DIR.
    if (const char* run = std::getenv("MMX_TEST_RUN"); run != nullptr && *run != '\0') return run;
    std::ifstream envFile(stackEnv().varDir + "/env.sh");
    const std::string prefix = "export MMX_RUN_DIR=";
    std::string line;
    while (std::getline(envFile, line)) {
        if (line.rfind(prefix, 0) == 0) return line.substr(prefix.size());
    }
    return stackEnv().varDir + "/run";
}

pid_t supervisorPid() {
    const std::string path = runDir() + "/mmx.pid";
    std::ifstream in(path);
    long pid = 0;
    if (!(in >> pid) || pid <= 1) throw std::runtime_error("no supervisor pid in " + path);
    return static_cast<pid_t>(pid);
}

std::vector<pid_t> childrenOf(pid_t parent) {
    std::vector<pid_t> out;
    DIR* proc = opendir("/proc");
    if (proc == nullptr) return out;
    while (const dirent* entry = readdir(proc)) {
        char* end = nullptr;
        const long pid = std::strtol(entry->d_name, &end, 10);
        if (end == entry->d_name || *end != '\0') continue;
        std::ifstream stat("/proc/" + std::string(entry->d_name) + "/stat");
        std::string content((std::istreambuf_iterator<char>(stat)), {});
        // Fields after the parenthesised command name: state, ppid, ...
        const auto close = content.rfind(')');
        if (close == std::string::npos) continue;
        std::istringstream rest(content.substr(close + 1));
        std::string state;
        long ppid = 0;
        if (rest >> state >> ppid && ppid == parent && state != "Z") {
            out.push_back(static_cast<pid_t>(pid));
        }
    }
    closedir(proc);
    return out;
}

bool processAlive(pid_t pid) {
    return kill(pid, 0) == 0 || errno == EPERM;
}

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), {});
}

std::vector<std::string> filesIn(const std::string& dir) {
    std::vector<std::string> out;
    DIR* d = opendir(dir.c_str());
    if (d == nullptr) return out;
    while (const dirent* entry = readdir(d)) {
        const std::string name = entry->d_name;
        if (name != "." && name != "..") out.push_back(name);
    }
    closedir(d);
    return out;
}

size_t countLines(const std::string& path) {
    std::ifstream in(path);
    size_t n = 0;
    std::string line;
    while (std::getline(in, line)) ++n;
    return n;
}

}  // namespace mmx::apitest
