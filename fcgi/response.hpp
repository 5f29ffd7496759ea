#pragma once

#include <rapidjson/document.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/api_error.hpp"

namespace mmx {

// A JSON object under construction, bound to its document's allocator.
// Keeps handlers free of rapidjson's allocator plumbing.
class JsonObject {
  public:
    JsonObject(rapidjson::Value& value, rapidjson::Document::AllocatorType& alloc)
        : value_(value), alloc_(alloc) {}

    JsonObject& set(std::string_view key, std::string_view text);
    JsonObject& set(std::string_view key, const char* text) {
        return set(key, std::string_view(text));
    }
    JsonObject& set(std::string_view key, std::int64_t number);
    JsonObject& set(std::string_view key, int number) { return set(key, std::int64_t{number}); }
    JsonObject& set(std::string_view key, double number);
    JsonObject& set(std::string_view key, bool flag);
    JsonObject& setNull(std::string_view key);
    // A JSON text the server made itself (a row read as JSON_OBJECT), as a value;
    // null when it does not parse.
    JsonObject& setJson(std::string_view key, std::string_view json);
    JsonObject object(std::string_view key);
    class JsonArray array(std::string_view key);

  private:
    void add(std::string_view key, rapidjson::Value&& v);

    rapidjson::Value& value_;
    rapidjson::Document::AllocatorType& alloc_;
};

class JsonArray {
  public:
    JsonArray(rapidjson::Value& value, rapidjson::Document::AllocatorType& alloc)
        : value_(value), alloc_(alloc) {}

    JsonObject addObject();
    JsonArray& add(std::string_view text);
    JsonArray& add(std::int64_t number);
    JsonArray& addAll(const std::vector<std::int64_t>& numbers);
    // As JsonObject::setJson.
    JsonArray& addJson(std::string_view json);
    std::size_t size() const { return value_.Size(); }

  private:
    rapidjson::Value& value_;
    rapidjson::Document::AllocatorType& alloc_;
};

// What a handler returns: the envelope's parts plus any response headers.
class Response {
  public:
    explicit Response(std::string info = "成功");

    static Response failure(ErrorCode code, std::string info);
    // The envelope of a thrown error: RATE_LIMITED carries data.retryAfter (seconds).
    static Response failure(const ApiError& error);

    // `data` is created on first use; a response that never touches it has none.
    JsonObject data();

    void addHeader(std::string name, std::string value);

    // Marks every cookie this answer sets `Secure`: the phone sends it back over HTTPS alone.
    void makeCookiesSecure();

    // The handler ended the caller's session: no identity headers go back.
    void markSessionEnded() { sessionEnded_ = true; }
    bool endsSession() const { return sessionEnded_; }

    int status() const { return status_; }
    void setStatus(int status) { status_ = status; }
    bool success() const { return success_; }
    std::string_view code() const { return code_; }
    const std::string& info() const { return info_; }
    const std::vector<std::pair<std::string, std::string>>& headers() const { return headers_; }

    // Answers `json` instead of the envelope: the older phones' own answer formats.
    void replaceBody(std::string json) { rawBody_ = std::move(json); }

    // The envelope as JSON text (or the body that replaced it).
    std::string body() const;

  private:
    int status_ = 200;
    bool success_ = true;
    bool sessionEnded_ = false;
    std::string_view code_ = "OK";
    std::string info_;
    rapidjson::Document data_;
    std::vector<std::pair<std::string, std::string>> headers_;
    std::optional<std::string> rawBody_;
};

// The CGI head of `response` (Status, the fixed headers, then its own), ending in the
// blank line. A header whose name or value holds a control byte (CR and LF above all,
// which would start a header or a body of the client's making) is left out, never
// written as it is.
std::string responseHead(const Response& response, std::string_view reason);

// Whether `text` may be written into a header line: no byte below 0x20 but tab, no DEL.
bool isSafeHeaderText(std::string_view text);

}  // namespace mmx
