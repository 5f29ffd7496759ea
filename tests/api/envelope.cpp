// What every answer must look like, whatever the route (docs/api.md, "The envelope").
#include <cctype>

#include "stack.hpp"

namespace mmx::apitest {
namespace {

bool hasNonAscii(const std::string& s) {
    for (unsigned char c : s) {
        if (c >= 0x80) return true;
    }
    return false;
}

}  // namespace

std::string envelopeProblems(const Response& r) {
    if (r.status == 0) return "no HTTP answer: " + r.transportError;
    std::string problems;
    std::string type = r.header("content-type");
    for (auto& c : type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (type.rfind("application/json", 0) != 0 || type.find("charset=utf-8") == std::string::npos) {
        problems += "Content-Type is '" + r.header("content-type") + "'; ";
    }
    if (!r.isJson()) return problems + "body is not a JSON object: " + r.body.substr(0, 200);
    if (!r.json.HasMember("success") || !r.json["success"].IsBool())
        problems += "no bool success; ";
    if (!r.json.HasMember("code") || !r.json["code"].IsString()) problems += "no string code; ";
    if (!r.json.HasMember("info") || !r.json["info"].IsString()) {
        problems += "no string info; ";
    } else if (!hasNonAscii(r.info())) {
        problems += "info is not a Chinese message: '" + r.info() + "'; ";
    }
    if (r.success() != (r.code() == "OK")) problems += "success disagrees with code; ";
    static const char* const kInternals[] = {
        "SQL",     "sql",     "mysql",   "MySQL",           "MariaDB",
        "SELECT ", "INSERT ", "UPDATE ", "Duplicate entry", "exception",
        "std::",   ".cpp",    "errno",   "Traceback",       "nginx"};
    for (const char* word : kInternals) {
        if (r.info().find(word) != std::string::npos) {
            problems += "info leaks internals ('" + std::string(word) + "'); ";
        }
    }
    return problems;
}

}  // namespace mmx::apitest
