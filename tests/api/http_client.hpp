#pragma once

// A small blocking HTTP client for the API tests: it speaks to the stack the way
// the phone app does (form POSTs, multipart uploads, identity headers) and hands
// back the status, the headers and the parsed JSON envelope.

#include <curl/curl.h>
#include <rapidjson/document.h>

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace mmx::apitest {

// Ordered name/value pairs; a name may repeat (`memberId=3&memberId=4`).
using Params = std::vector<std::pair<std::string, std::string>>;
using Headers = std::vector<std::pair<std::string, std::string>>;

struct FilePart {
    std::string name;
    std::string filename;
    std::string bytes;
    std::string contentType;
};

struct Response {
    long status = 0;                             // 0: no HTTP answer at all
    std::string transportError;                  // curl's message when status == 0
    std::map<std::string, std::string> headers;  // names lower-cased
    std::string body;
    rapidjson::Document json;  // kNullType unless the body parsed as JSON

    bool isJson() const { return json.IsObject(); }
    bool success() const;
    std::string code() const;
    std::string info() const;
    std::string header(const std::string& lowerName) const;
    // data.<object>.<field> or data.<field>; nullptr when absent.
    const rapidjson::Value* data(const char* member = nullptr) const;
    // A short line for assertion messages: status, code, info, body head.
    std::string describe() const;
};

// Turns a JSON scalar into text so tests can compare "28" and 28 alike
// (older phones show numbers as strings; either is acceptable to the app).
std::string scalarText(const rapidjson::Value& v);

struct Multipart {
    std::string contentType;  // the full Content-Type header value
    std::string body;
};

// Builds a multipart/form-data body. `quoteBoundary` writes the boundary
// parameter as a quoted-string, which RFC 2046 allows and some clients send.
Multipart buildMultipart(const Params& fields, const std::vector<FilePart>& files,
                         bool quoteBoundary = false);

class HttpClient {
  public:
    explicit HttpClient(std::string baseUrl);
    ~HttpClient();
    HttpClient(const HttpClient&) = delete;
    HttpClient& operator=(const HttpClient&) = delete;

    const std::string& baseUrl() const { return baseUrl_; }

    // Sends from this local address (e.g. 127.0.0.2: any 127/8 address works on
    // loopback), so the server sees another client address; empty: the default.
    void setSourceAddress(std::string address) { sourceAddress_ = std::move(address); }

    Response post(const std::string& route, const Params& params, const Headers& headers = {});
    Response get(const std::string& route, const Params& query = {}, const Headers& headers = {});
    Response postMultipart(const std::string& route, const Params& fields,
                           const std::vector<FilePart>& files, const Headers& headers = {});
    // Sends `body` verbatim with the given Content-Type (malformed-input tests).
    Response postRaw(const std::string& route, const std::string& body,
                     const std::string& contentType, const Headers& headers = {});
    // Any method, any absolute URL or route (405 tests, fetching uploaded files).
    Response request(const std::string& method, const std::string& urlOrRoute,
                     const std::string& body, const Headers& headers);

    std::string formEncode(const Params& params);

  private:
    std::string urlFor(const std::string& urlOrRoute) const;

    std::string baseUrl_;
    std::string sourceAddress_;
    CURL* curl_;
};

}  // namespace mmx::apitest
