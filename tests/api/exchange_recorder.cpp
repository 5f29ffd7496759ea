#include "exchange_recorder.hpp"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <mutex>

namespace mmx::apitest {
namespace {

// "http://127.0.0.1:18080/user/user!login?x=1" -> "/user/user!login".
std::string pathOf(const std::string& url) {
    std::string path = url;
    const auto scheme = path.find("://");
    if (scheme != std::string::npos) {
        const auto slash = path.find('/', scheme + 3);
        path = slash == std::string::npos ? "/" : path.substr(slash);
    }
    return path.substr(0, path.find_first_of("?#"));
}

}  // namespace

void recordExchange(const std::string& method, const std::string& url, const Response& response) {
    const char* var = std::getenv("MMX_TEST_VAR");
    if (var == nullptr || *var == '\0' || !response.isJson()) return;

    rapidjson::StringBuffer line;
    rapidjson::Writer<rapidjson::StringBuffer> writer(line);
    writer.StartObject();
    writer.Key("method");
    writer.String(method.c_str());
    writer.Key("path");
    writer.String(pathOf(url).c_str());
    writer.Key("status");
    writer.Int64(response.status);
    writer.Key("body");
    response.json.Accept(writer);
    writer.EndObject();

    const std::filesystem::path dir = std::filesystem::path(var) / "recorded";
    std::error_code ignored;
    std::filesystem::create_directories(dir, ignored);
    // Suites that call from several threads share the process's file: one line at a time,
    // or a long line written in pieces interleaves with another thread's.
    static std::mutex writing;
    const std::lock_guard<std::mutex> lock(writing);
    std::ofstream out(dir / (std::to_string(::getpid()) + ".jsonl"), std::ios::app);
    out << line.GetString() << '\n';
}

}  // namespace mmx::apitest
