#include "fcgi/worker.hpp"

#include <fcgiapp.h>
#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <iostream>

#include "fcgi/cgicc_input.hpp"
#include "fcgi/cpu_budget.hpp"
#include "fcgi/error_lines.hpp"
#include "fcgi/form.hpp"

namespace mmx {
namespace {

volatile sig_atomic_t stopRequested = 0;

void onStopSignal(int) {
    stopRequested = 1;
    FCGX_ShutdownPending();
}

void ignoreSignal(int) {}

// SIGHUP (from the supervisor, after logrotate renamed the request log) is kept blocked
// and taken here, between requests: delivered, it would interrupt a system call in the
// middle of one (libfcgi drops a fresh connection whose first wait is interrupted).
bool takeReopenRequest() {
    sigset_t reopen;
    sigemptyset(&reopen);
    sigaddset(&reopen, SIGHUP);
    const timespec now{0, 0};
    return sigtimedwait(&reopen, nullptr, &now) == SIGHUP;
}

std::string paramOf(const FCGX_Request& raw, const char* name) {
    const char* value = FCGX_GetParam(name, raw.envp);
    return value == nullptr ? std::string() : std::string(value);
}

Method methodOf(const std::string& name) {
    if (name == "POST") return Method::Post;
    if (name == "GET") return Method::Get;
    if (name == "PUT") return Method::Put;
    if (name == "DELETE") return Method::Delete;
    return Method::Other;
}

std::string pathOf(const FCGX_Request& raw) {
    std::string path = paramOf(raw, "DOCUMENT_URI");
    if (path.empty()) {
        path = paramOf(raw, "REQUEST_URI");
        path = path.substr(0, path.find('?'));
    }
    return path;
}

const char* reasonPhrase(int status) {
    switch (status) {
        case 200:
            return "OK";
        case 400:
            return "Bad Request";
        case 404:
            return "Not Found";
        case 405:
            return "Method Not Allowed";
        case 413:
            return "Payload Too Large";
        default:
            return "Internal Server Error";
    }
}

void writeResponse(FCGX_Request& raw, const Response& response) {
    const std::string head = responseHead(response, reasonPhrase(response.status()));
    const std::string body = response.body();
    FCGX_PutStr(head.data(), static_cast<int>(head.size()), raw.out);
    FCGX_PutStr(body.data(), static_cast<int>(body.size()), raw.out);
}

std::string loggedUid(const Request& request, const Response& response) {
    if (request.identity) return std::to_string(request.identity->userId);
    for (const auto& [name, value] : response.headers()) {
        if (name == "uid") return value;
    }
    return {};
}

// A body file still there when the request ends (refused, or failed before it was
// moved) is removed before the answer goes out, so nothing is left behind.
struct BodyFileRemover {
    const std::string& path;
    ~BodyFileRemover() {
        if (!path.empty()) ::unlink(path.c_str());
    }
};

Response serve(FCGX_Request& raw, const Dispatcher& dispatcher, const FormLimits& limits,
               Request& request) {
    request.method = methodOf(paramOf(raw, "REQUEST_METHOD"));
    request.path = pathOf(raw);
    request.remoteAddr = paramOf(raw, "REMOTE_ADDR");
    request.client = paramOf(raw, "HTTP_CLIENT");
    request.uidHeader = paramOf(raw, "HTTP_UID");
    request.tokenHeader = paramOf(raw, "HTTP_ACCESSTOKEN");
    request.cookieHeader = paramOf(raw, "HTTP_COOKIE");

    // nginx kept the body in a file and sends none: only the query string is a form.
    request.bodyFile = paramOf(raw, "MMX_BODY_FILE");
    const BodyFileRemover bodyFileRemover{request.bodyFile};
    const long length = std::atol(paramOf(raw, "CONTENT_LENGTH").c_str());
    if (request.bodyFile.empty() && length > kMaxBodyBytes) {
        return Response::failure(ErrorCode::BodyTooLarge, "请求体过大");
    }
    if (request.method != Method::Other) {
        try {
            if (request.bodyFile.empty()) {
                FcgiCgiInput input(raw);
                parseForm(input, request, limits);
            } else {
                parseFormData({}, {}, paramOf(raw, "QUERY_STRING"), request, limits);
            }
        } catch (const ApiError& error) {
            return Response::failure(error.code(), error.info());
        } catch (const std::exception&) {
            return Response::failure(ErrorCode::BadParam, "请求格式错误");
        }
    }
    return dispatcher.dispatch(request);
}

}  // namespace

void installWorkerSignalHandlers() {
    struct sigaction action {};
    action.sa_handler = onStopSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;  // no SA_RESTART: accept() must return EINTR
    sigaction(SIGTERM, &action, nullptr);
    sigaction(SIGINT, &action, nullptr);
    // SIGHUP stays pending until takeReopenRequest; the handler (never run while it is
    // blocked) replaces an inherited SIG_IGN (nohup), which could discard it.
    struct sigaction reopen {};
    reopen.sa_handler = ignoreSignal;
    sigemptyset(&reopen.sa_mask);
    reopen.sa_flags = SA_RESTART;
    sigaction(SIGHUP, &reopen, nullptr);
    sigset_t blocked;
    sigemptyset(&blocked);
    sigaddset(&blocked, SIGHUP);
    pthread_sigmask(SIG_BLOCK, &blocked, nullptr);
    signal(SIGPIPE, SIG_IGN);
    installCpuBudgetHandler();
}

void runWorker(int listenFd, const Dispatcher& dispatcher, RequestLog& log,
               const WorkerSettings& settings, const std::function<void()>& afterRequest) {
    FCGX_Init();
    FCGX_Request raw;
    FCGX_InitRequest(&raw, listenFd, 0);
    // A stop signal waits while a request is in hand: libfcgi treats EINTR on a read or
    // write as a broken stream, which would fail the very request a drain must finish.
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGTERM);
    sigaddset(&stopSignals, SIGINT);
    TaggedErrorLines errorLines;
    while (!stopRequested && FCGX_Accept_r(&raw) >= 0) {
        pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);
        armCpuBudget(settings.requestCpuSeconds);
        const auto started = std::chrono::steady_clock::now();
        const std::string requestId = loggableRequestId(paramOf(raw, "REQUEST_ID"));
        errorLines.setRequestId(requestId);
        Request request;
        Response response;
        try {
            response = serve(raw, dispatcher, settings.form, request);
        } catch (const std::exception& error) {
            std::cerr << "request " << request.path << " failed: " << error.what() << std::endl;
            response = Response::failure(ErrorCode::ServerError, "服务器繁忙，请稍后再试");
        }
        writeResponse(raw, response);
        FCGX_Finish_r(&raw);
        disarmCpuBudget();
        const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(
                                std::chrono::steady_clock::now() - started)
                                .count();
        if (takeReopenRequest()) log.reopen();
        log.record(request.path, loggedUid(request, response), response.status(), response.code(),
                   micros, requestId);
        errorLines.setRequestId({});
        if (afterRequest) afterRequest();
        pthread_sigmask(SIG_UNBLOCK, &stopSignals, nullptr);  // a pending stop lands here
    }
    FCGX_Free(&raw, 1);
}

}  // namespace mmx
