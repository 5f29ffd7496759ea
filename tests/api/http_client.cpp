#include "http_client.hpp"

#include <curl/curl.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <memory>
#include <random>
#include <stdexcept>

#include "exchange_recorder.hpp"

namespace mmx::apitest {
namespace {

struct CurlGlobal {
    CurlGlobal() { curl_global_init(CURL_GLOBAL_DEFAULT); }
    ~CurlGlobal() { curl_global_cleanup(); }
};

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

std::string trim(const std::string& s) {
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return {};
    const auto last = s.find_last_not_of(" \t\r\n");
    return s.substr(first, last - first + 1);
}

size_t onBody(char* data, size_t size, size_t count, void* user) {
    static_cast<std::string*>(user)->append(data, size * count);
    return size * count;
}

size_t onHeader(char* data, size_t size, size_t count, void* user) {
    auto* headers = static_cast<std::map<std::string, std::string>*>(user);
    const std::string line(data, size * count);
    // A new status line (after `100 Continue`, or a redirect) starts a new header set.
    if (line.rfind("HTTP/", 0) == 0) {
        headers->clear();
        return size * count;
    }
    const auto colon = line.find(':');
    if (colon != std::string::npos) {
        (*headers)[lower(trim(line.substr(0, colon)))] = trim(line.substr(colon + 1));
    }
    return size * count;
}

struct HeaderList {
    curl_slist* list = nullptr;
    ~HeaderList() { curl_slist_free_all(list); }
    void add(const std::string& line) { list = curl_slist_append(list, line.c_str()); }
};

std::string randomBoundary() {
    static std::mt19937_64 rng{std::random_device{}()};
    return "----mmxApiTest" + std::to_string(rng());
}

}  // namespace

bool Response::success() const {
    if (!isJson()) return false;
    const auto it = json.FindMember("success");
    return it != json.MemberEnd() && it->value.IsBool() && it->value.GetBool();
}

std::string Response::code() const {
    if (!isJson()) return "<not json>";
    const auto it = json.FindMember("code");
    return it != json.MemberEnd() && it->value.IsString() ? it->value.GetString() : "<no code>";
}

std::string Response::info() const {
    if (!isJson()) return {};
    const auto it = json.FindMember("info");
    return it != json.MemberEnd() && it->value.IsString() ? it->value.GetString() : std::string{};
}

std::string Response::header(const std::string& lowerName) const {
    const auto it = headers.find(lowerName);
    return it == headers.end() ? std::string{} : it->second;
}

const rapidjson::Value* Response::data(const char* member) const {
    if (!isJson()) return nullptr;
    const auto d = json.FindMember("data");
    if (d == json.MemberEnd() || !d->value.IsObject()) return nullptr;
    if (member == nullptr) return &d->value;
    const auto m = d->value.FindMember(member);
    return m == d->value.MemberEnd() ? nullptr : &m->value;
}

std::string Response::describe() const {
    if (status == 0) return "no HTTP answer: " + transportError;
    std::string out = "HTTP " + std::to_string(status) + " code=" + code() + " info=" + info();
    out += " body=" + body.substr(0, 400);
    return out;
}

std::string scalarText(const rapidjson::Value& v) {
    if (v.IsString()) return v.GetString();
    if (v.IsNull()) return {};
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
    v.Accept(writer);
    return buffer.GetString();
}

Multipart buildMultipart(const Params& fields, const std::vector<FilePart>& files,
                         bool quoteBoundary) {
    const std::string boundary = randomBoundary();
    Multipart out;
    out.contentType =
        "multipart/form-data; boundary=" + (quoteBoundary ? "\"" + boundary + "\"" : boundary);
    for (const auto& [name, value] : fields) {
        out.body += "--" + boundary + "\r\n";
        out.body += "Content-Disposition: form-data; name=\"" + name + "\"\r\n\r\n";
        out.body += value + "\r\n";
    }
    for (const auto& file : files) {
        out.body += "--" + boundary + "\r\n";
        out.body += "Content-Disposition: form-data; name=\"" + file.name + "\"; filename=\"" +
                    file.filename + "\"\r\n";
        out.body += "Content-Type: " + file.contentType + "\r\n\r\n";
        out.body += file.bytes + "\r\n";
    }
    out.body += "--" + boundary + "--\r\n";
    return out;
}

HttpClient::HttpClient(std::string baseUrl) : baseUrl_(std::move(baseUrl)) {
    static CurlGlobal global;
    curl_ = curl_easy_init();
    if (curl_ == nullptr) throw std::runtime_error("curl_easy_init failed");
    while (!baseUrl_.empty() && baseUrl_.back() == '/') baseUrl_.pop_back();
}

HttpClient::~HttpClient() {
    curl_easy_cleanup(curl_);
}

std::string HttpClient::urlFor(const std::string& urlOrRoute) const {
    if (urlOrRoute.rfind("http://", 0) == 0 || urlOrRoute.rfind("https://", 0) == 0) {
        return urlOrRoute;
    }
    return baseUrl_ + urlOrRoute;
}

std::string HttpClient::formEncode(const Params& params) {
    std::string out;
    for (const auto& [name, value] : params) {
        if (!out.empty()) out += '&';
        char* n = curl_easy_escape(curl_, name.data(), static_cast<int>(name.size()));
        char* v = curl_easy_escape(curl_, value.data(), static_cast<int>(value.size()));
        out += n;
        out += '=';
        out += v;
        curl_free(n);
        curl_free(v);
    }
    return out;
}

Response HttpClient::post(const std::string& route, const Params& params, const Headers& headers) {
    return postRaw(route, formEncode(params), "application/x-www-form-urlencoded", headers);
}

Response HttpClient::get(const std::string& route, const Params& query, const Headers& headers) {
    const std::string encoded = formEncode(query);
    return request("GET", encoded.empty() ? route : route + "?" + encoded, {}, headers);
}

Response HttpClient::postMultipart(const std::string& route, const Params& fields,
                                   const std::vector<FilePart>& files, const Headers& headers) {
    const Multipart mp = buildMultipart(fields, files);
    return postRaw(route, mp.body, mp.contentType, headers);
}

Response HttpClient::postRaw(const std::string& route, const std::string& body,
                             const std::string& contentType, const Headers& headers) {
    Headers all = headers;
    all.emplace_back("Content-Type", contentType);
    return request("POST", route, body, all);
}

Response HttpClient::request(const std::string& method, const std::string& urlOrRoute,
                             const std::string& body, const Headers& headers) {
    Response response;
    curl_easy_reset(curl_);
    const std::string url = urlFor(urlOrRoute);
    curl_easy_setopt(curl_, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl_, CURLOPT_NOSIGNAL, 1L);
    if (!sourceAddress_.empty()) curl_easy_setopt(curl_, CURLOPT_INTERFACE, sourceAddress_.c_str());
    // Paths go out as written: the tests probe "/upload/../x" on purpose.
    curl_easy_setopt(curl_, CURLOPT_PATH_AS_IS, 1L);
    curl_easy_setopt(curl_, CURLOPT_CONNECTTIMEOUT, 5L);
    curl_easy_setopt(curl_, CURLOPT_TIMEOUT, 60L);
    curl_easy_setopt(curl_, CURLOPT_WRITEFUNCTION, onBody);
    curl_easy_setopt(curl_, CURLOPT_WRITEDATA, &response.body);
    curl_easy_setopt(curl_, CURLOPT_HEADERFUNCTION, onHeader);
    curl_easy_setopt(curl_, CURLOPT_HEADERDATA, &response.headers);

    // A GET with a body (the older phones send their parameters so) goes out as the others do.
    if (method == "GET" && body.empty()) {
        curl_easy_setopt(curl_, CURLOPT_HTTPGET, 1L);
    } else {
        if (method != "POST") curl_easy_setopt(curl_, CURLOPT_CUSTOMREQUEST, method.c_str());
        curl_easy_setopt(curl_, CURLOPT_POST, 1L);
        curl_easy_setopt(curl_, CURLOPT_POSTFIELDS, body.data());
        curl_easy_setopt(curl_, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
    }

    HeaderList list;
    bool hasContentType = false;
    for (const auto& [name, value] : headers) {
        hasContentType = hasContentType || lower(name) == "content-type";
        // "name;" is curl's spelling of a header sent with an empty value.
        list.add(value.empty() ? name + ";" : name + ": " + value);
    }
    // The body goes out as given: no Content-Type unless the caller named one
    // (curl would otherwise add application/x-www-form-urlencoded).
    if ((method != "GET" || !body.empty()) && !hasContentType) list.add("Content-Type:");
    curl_easy_setopt(curl_, CURLOPT_HTTPHEADER, list.list);

    const CURLcode rc = curl_easy_perform(curl_);
    if (rc != CURLE_OK) {
        response.status = 0;
        response.transportError = curl_easy_strerror(rc);
        return response;
    }
    curl_easy_getinfo(curl_, CURLINFO_RESPONSE_CODE, &response.status);
    response.json.Parse(response.body.c_str(), response.body.size());
    if (response.json.HasParseError()) response.json.SetNull();
    recordExchange(method, url, response);
    return response;
}

}  // namespace mmx::apitest
