// mmx-server: a FastCGI worker (under spawn-fcgi, socket on fd 0) or, with --listen,
// the prefork supervisor of a pool of them.
#include <fastcgi.h>
#include <fcgiapp.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <map>
#include <string>

#include "core/config.hpp"
#include "core/crypto.hpp"
#include "dialects/dialect.hpp"
#include "fcgi/supervisor.hpp"
#include "fcgi/worker.hpp"
#include "handlers/authenticate.hpp"
#include "handlers/routes.hpp"
#include "services/limits.hpp"

namespace {

constexpr auto kHousekeepingEvery = std::chrono::minutes(1);

void usage() {
    std::cerr << "usage: mmx-server                      (FastCGI worker on fd 0, e.g. under "
                 "spawn-fcgi)\n"
                 "       mmx-server --listen PATH --workers N [--socket-mode 0660]\n"
                 "                  [--socket-group GROUP] [--pid-file FILE]\n"
                 "       mmx-server --routes                (print the route table and exit)\n";
}

// One line a route, `METHODS PATH ACCESS`, from the table the workers serve: the API
// contract test compares it with docs/openapi.yaml. A default Config opens no database
// connection (it is lazy) and no hash-slot file, and no handler runs.
int printRoutes() {
    mmx::Services services(mmx::Config{});
    const mmx::RouteTable routes = mmx::buildRoutes(services);
    for (const mmx::Route& route : routes.all()) {
        const char* methods = route.methods == mmx::Methods::GetOrPost ? "GET,POST" : "POST";
        const char* access = route.access == mmx::Access::Open     ? "open"
                             : route.access == mmx::Access::Client ? "client"
                                                                   : "user";
        std::cout << methods << ' ' << route.path << ' ' << access << '\n';
    }
    // The older phones' paths, one line a path with every method it takes.
    for (const mmx::dialects::Dialect& dialect : mmx::dialects::allDialects()) {
        std::map<std::string, std::pair<std::string, const char*>> paths;
        for (const mmx::dialects::DialectRoute& route : dialect.routes) {
            auto& [methods, access] = paths[route.path];
            if (!methods.empty()) methods += ',';
            methods += mmx::methodName(route.method);
            access = route.access == mmx::dialects::DialectAccess::Open     ? "open"
                     : route.access == mmx::dialects::DialectAccess::Client ? "client"
                                                                            : "user";
        }
        for (const auto& [path, line] : paths) {
            std::cout << line.first << ' ' << path << ' ' << line.second << '\n';
        }
    }
    return 0;
}

int serve(const mmx::Config& config, int listenFd) {
    mmx::installWorkerSignalHandlers();
    mmx::initCrypto(config.passwordHashCost == "minimal" ? mmx::PasswordHashCost::Minimal
                                                         : mmx::PasswordHashCost::Interactive);
    std::filesystem::create_directories(config.runDir);
    mmx::Services services(config);
    const mmx::Dispatcher dispatcher(
        mmx::buildRoutes(services),
        [&services](const mmx::Request& request) { return mmx::authenticate(services, request); },
        mmx::dialects::dialectFallback(services, mmx::dialects::allDialects()));
    mmx::RequestLog log(config.logFile);

    auto lastHousekeeping = std::chrono::steady_clock::now();
    const auto housekeeping = [&] {
        const auto now = std::chrono::steady_clock::now();
        if (now - lastHousekeeping < kHousekeepingEvery) return;
        lastHousekeeping = now;
        try {
            mmx::services::sweepRateCounters(services);
        } catch (const std::exception& error) {
            std::cerr << "housekeeping failed: " << error.what() << std::endl;
        }
    };
    mmx::WorkerSettings settings;
    settings.form.maxParams = static_cast<std::size_t>(config.maxParams);
    settings.form.maxRepeats = static_cast<std::size_t>(config.maxRepeats);
    settings.requestCpuSeconds = config.requestCpuSeconds;
    mmx::runWorker(listenFd, dispatcher, log, settings, housekeeping);
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc == 2 && std::string(argv[1]) == "--routes") return printRoutes();
    mmx::SupervisorOptions options;
    bool supervise = false;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        const bool hasValue = i + 1 < argc;
        if (arg == "--listen" && hasValue) {
            options.socketPath = argv[++i];
            supervise = true;
        } else if (arg == "--workers" && hasValue) {
            options.workers = std::atoi(argv[++i]);
        } else if (arg == "--socket-mode" && hasValue) {
            options.socketMode = static_cast<unsigned>(std::strtoul(argv[++i], nullptr, 8));
        } else if (arg == "--socket-group" && hasValue) {
            options.socketGroup = argv[++i];
        } else if (arg == "--pid-file" && hasValue) {
            options.pidFile = argv[++i];
        } else {
            usage();
            return 2;
        }
    }
    if (supervise && (options.workers < 1 || options.workers > 256)) {
        std::cerr << "--workers must be from 1 to 256\n";
        return 2;
    }

    mmx::Config config;
    try {
        config = mmx::loadConfigFromEnvironment();
    } catch (const std::exception& error) {
        std::cerr << "configuration: " << error.what() << std::endl;
        return 2;
    }

    try {
        if (!supervise) return serve(config, FCGI_LISTENSOCK_FILENO);
        return mmx::runSupervisor(options, [&config](int fd) { return serve(config, fd); });
    } catch (const std::exception& error) {
        std::cerr << "mmx-server: " << error.what() << std::endl;
        return 1;
    }
}
