#include "fcgi/response.hpp"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
#include <strings.h>

namespace mmx {
namespace {

rapidjson::Value text(std::string_view s, rapidjson::Document::AllocatorType& alloc) {
    return rapidjson::Value(s.data(), static_cast<rapidjson::SizeType>(s.size()), alloc);
}

// By length, not to the first NUL: FindMember(StringRef(p, n)) would decay to
// FindMember(const char*) and read a key that is not NUL-terminated past its end.
rapidjson::Value::MemberIterator findMember(rapidjson::Value& object, std::string_view key) {
    const rapidjson::Value name(rapidjson::StringRef(key.data(), key.size()));
    return object.FindMember(name);
}

rapidjson::Value parsedJson(std::string_view json, rapidjson::Document::AllocatorType& alloc) {
    rapidjson::Document parsed(&alloc);
    parsed.Parse(json.data(), json.size());
    if (parsed.HasParseError()) return rapidjson::Value(rapidjson::kNullType);
    return rapidjson::Value(std::move(parsed.Move()));
}

}  // namespace

void JsonObject::add(std::string_view key, rapidjson::Value&& v) {
    auto found = findMember(value_, key);
    if (found != value_.MemberEnd()) {
        found->value = std::move(v);
        return;
    }
    value_.AddMember(text(key, alloc_), v, alloc_);
}

JsonObject& JsonObject::set(std::string_view key, std::string_view s) {
    add(key, text(s, alloc_));
    return *this;
}

JsonObject& JsonObject::set(std::string_view key, std::int64_t number) {
    add(key, rapidjson::Value(static_cast<int64_t>(number)));
    return *this;
}

JsonObject& JsonObject::set(std::string_view key, double number) {
    add(key, rapidjson::Value(number));
    return *this;
}

JsonObject& JsonObject::set(std::string_view key, bool flag) {
    add(key, rapidjson::Value(flag));
    return *this;
}

JsonObject& JsonObject::setNull(std::string_view key) {
    add(key, rapidjson::Value(rapidjson::kNullType));
    return *this;
}

JsonObject& JsonObject::setJson(std::string_view key, std::string_view json) {
    add(key, parsedJson(json, alloc_));
    return *this;
}

JsonObject JsonObject::object(std::string_view key) {
    add(key, rapidjson::Value(rapidjson::kObjectType));
    return JsonObject(findMember(value_, key)->value, alloc_);
}

JsonArray JsonObject::array(std::string_view key) {
    add(key, rapidjson::Value(rapidjson::kArrayType));
    return JsonArray(findMember(value_, key)->value, alloc_);
}

JsonObject JsonArray::addObject() {
    value_.PushBack(rapidjson::Value(rapidjson::kObjectType), alloc_);
    return JsonObject(value_[value_.Size() - 1], alloc_);
}

JsonArray& JsonArray::add(std::string_view s) {
    value_.PushBack(text(s, alloc_), alloc_);
    return *this;
}

JsonArray& JsonArray::addJson(std::string_view json) {
    value_.PushBack(parsedJson(json, alloc_), alloc_);
    return *this;
}

JsonArray& JsonArray::add(std::int64_t number) {
    value_.PushBack(rapidjson::Value(static_cast<int64_t>(number)), alloc_);
    return *this;
}

JsonArray& JsonArray::addAll(const std::vector<std::int64_t>& numbers) {
    for (const std::int64_t number : numbers) add(number);
    return *this;
}

Response::Response(std::string info) : info_(std::move(info)) {}

Response Response::failure(ErrorCode code, std::string info) {
    Response response(std::move(info));
    response.success_ = false;
    response.code_ = codeName(code);
    response.status_ = httpStatusFor(code);
    return response;
}

Response Response::failure(const ApiError& error) {
    Response response = failure(error.code(), error.info());
    if (error.code() == ErrorCode::RateLimited) {
        response.data().set("retryAfter", error.retryAfterSeconds());
    }
    for (const auto& [key, value] : error.details()) {
        if (const auto* number = std::get_if<std::int64_t>(&value)) {
            response.data().set(key, *number);
        } else {
            response.data().set(key, std::get<std::string>(value));
        }
    }
    return response;
}

JsonObject Response::data() {
    if (!data_.IsObject()) data_.SetObject();
    return JsonObject(data_, data_.GetAllocator());
}

void Response::addHeader(std::string name, std::string value) {
    headers_.emplace_back(std::move(name), std::move(value));
}

void Response::makeCookiesSecure() {
    for (auto& [name, value] : headers_) {
        if (strcasecmp(name.c_str(), "Set-Cookie") == 0 && !value.ends_with("; Secure")) {
            value += "; Secure";
        }
    }
}

std::string Response::body() const {
    if (rawBody_) return *rawBody_;
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
    writer.StartObject();
    writer.Key("success");
    writer.Bool(success_);
    writer.Key("info");
    writer.String(info_.data(), static_cast<rapidjson::SizeType>(info_.size()));
    writer.Key("code");
    writer.String(code_.data(), static_cast<rapidjson::SizeType>(code_.size()));
    if (data_.IsObject()) {
        writer.Key("data");
        data_.Accept(writer);
    }
    writer.EndObject();
    return std::string(buffer.GetString(), buffer.GetSize());
}

bool isSafeHeaderText(std::string_view text) {
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if ((byte < 0x20 && byte != '\t') || byte == 0x7f) return false;
    }
    return true;
}

std::string responseHead(const Response& response, std::string_view reason) {
    std::string head = "Status: " + std::to_string(response.status()) + " " + std::string(reason) +
                       "\r\nContent-Type: application/json; charset=utf-8\r\n"
                       "Cache-Control: no-store\r\n";
    for (const auto& [name, value] : response.headers()) {
        if (name.empty() || !isSafeHeaderText(name) || name.find(':') != std::string::npos ||
            !isSafeHeaderText(value)) {
            continue;
        }
        head += name + ": " + value + "\r\n";
    }
    head += "\r\n";
    return head;
}

}  // namespace mmx
