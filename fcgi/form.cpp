#include "fcgi/form.hpp"

#include <cgicc/Cgicc.h>
#include <rapidjson/memorystream.h>
#include <rapidjson/reader.h>

#include <cstring>
#include <optional>
#include <stdexcept>

#include "core/api_error.hpp"
#include "core/text.hpp"
#include "fcgi/multipart.hpp"
#include "fcgi/urlencoded.hpp"

namespace mmx {
namespace {

bool startsWithNoCase(std::string_view text, std::string_view prefix) {
    return text.size() >= prefix.size() &&
           strncasecmp(text.data(), prefix.data(), prefix.size()) == 0;
}

// Names longer than this are not repeated back in a refusal.
constexpr std::size_t kMaxEchoedName = 64;

// A refusal names the parameter when its name is itself fit to show.
void requireUtf8(std::string_view name, std::string_view value) {
    if (!utf8Length(name)) throwBadParam("参数名含有无效的 UTF-8 字符");
    if (utf8Length(value)) return;
    if (name.size() > kMaxEchoedName) throwBadParam("参数含有无效的 UTF-8 字符");
    throwBadParam("参数 " + std::string(name) + " 含有无效的 UTF-8 字符");
}

// cgicc reads a multipart body through CgiInput; this one serves it from memory and
// shows cgicc no query string (that one is ours to parse).
class MemoryCgiInput : public cgicc::CgiInput {
  public:
    MemoryCgiInput(std::string_view contentType, std::string_view body)
        : contentType_(contentType), body_(body) {}

    std::size_t read(char* data, std::size_t length) override {
        const std::size_t n = std::min(length, body_.size() - offset_);
        std::memcpy(data, body_.data() + offset_, n);
        offset_ += n;
        return n;
    }

    std::string getenv(const char* name) override {
        if (std::strcmp(name, "REQUEST_METHOD") == 0) return "POST";
        if (std::strcmp(name, "CONTENT_TYPE") == 0) return std::string(contentType_);
        if (std::strcmp(name, "CONTENT_LENGTH") == 0) return std::to_string(body_.size());
        return {};
    }

  private:
    std::string_view contentType_;
    std::string_view body_;
    std::size_t offset_ = 0;
};

void parseMultipart(std::string_view contentType, std::string_view body, FormCollector& out,
                    const FormLimits& limits) {
    const std::string boundary = multipartBoundary(contentType);
    const std::size_t parts = countMultipartParts(body, boundary);
    if (parts > limits.maxParams) {
        throwBadParam("参数过多：每个请求最多" + std::to_string(limits.maxParams) + "个参数");
    }
    if (parts == 0) return;
    MemoryCgiInput input(contentType, body);
    cgicc::Cgicc form(&input);
    for (const auto& entry : *form) {
        out.addParam(std::string(entry.getName()), std::string(entry.getValue()));
    }
    for (const auto& file : form.getFiles()) {
        out.addFile(
            UploadedFile{file.getName(), file.getFilename(), file.getDataType(), file.getData()});
    }
}

// A JSON object's members as parameters (the older phones post JSON): a string, number (its
// text as sent) or boolean is one value, an array of them is the name repeated; null is left
// out, and anything else (a nested object or array, not an object at the top) is BAD_PARAM.
// Read as a stream of events, each member handed on (and counted against the limits) as it
// is read, so that no document is built and a refusal comes at the first byte that breaks
// the shape: the cost is linear in the body and never more than one pass.
class JsonMembers : public rapidjson::BaseReaderHandler<rapidjson::UTF8<>, JsonMembers> {
  public:
    explicit JsonMembers(FormCollector& out) : out_(out) {}

    // The refusal that stopped the parse, if a rule (not the syntax) stopped it.
    std::optional<ApiError>& refusal() { return refusal_; }

    bool StartObject() {
        if (depth_ == kOutside) {
            depth_ = kInObject;
            return true;
        }
        return refuse("参数 " + shownName() + " 的值不能是对象");
    }
    bool EndObject(rapidjson::SizeType) {
        depth_ = kOutside;
        return true;
    }
    bool StartArray() {
        if (depth_ == kOutside) return refuse("请求体不是 JSON 对象");
        if (depth_ == kInArray) return refuse("参数 " + shownName() + " 不能嵌套数组");
        depth_ = kInArray;
        return true;
    }
    bool EndArray(rapidjson::SizeType) {
        depth_ = kInObject;
        return true;
    }
    bool Key(const char* text, rapidjson::SizeType length, bool) {
        name_.assign(text, length);
        return true;
    }
    bool String(const char* text, rapidjson::SizeType length, bool) {
        return add(std::string(text, length));
    }
    bool RawNumber(const char* text, rapidjson::SizeType length, bool) {
        return add(std::string(text, length));
    }
    bool Bool(bool value) { return add(value ? "true" : "false"); }
    bool Null() { return depth_ != kOutside || refuse("请求体不是 JSON 对象"); }

  private:
    enum Depth { kOutside, kInObject, kInArray };

    std::string shownName() const { return name_.substr(0, kMaxEchoedName); }

    bool refuse(std::string info) {
        refusal_.emplace(ErrorCode::BadParam, std::move(info));
        return false;
    }

    bool add(std::string&& value) {
        if (depth_ == kOutside) return refuse("请求体不是 JSON 对象");
        try {
            out_.addParam(std::string(name_), std::move(value));
        } catch (const ApiError& error) {
            refusal_.emplace(error);
            return false;
        }
        return true;
    }

    FormCollector& out_;
    Depth depth_ = kOutside;
    std::string name_;
    std::optional<ApiError> refusal_;
};

void parseJsonObject(std::string_view body, FormCollector& out) {
    JsonMembers members(out);
    rapidjson::Reader reader;
    rapidjson::MemoryStream stream(body.data(), body.size());
    // Iterative: the reader keeps its own state on the heap, never the call stack.
    constexpr unsigned kFlags = rapidjson::kParseStopWhenDoneFlag | rapidjson::kParseIterativeFlag |
                                rapidjson::kParseNumbersAsStringsFlag;
    const rapidjson::ParseResult parsed = reader.Parse<kFlags>(stream, members);
    if (members.refusal()) throw *members.refusal();
    if (parsed.IsError()) throwBadParam("请求体不是 JSON 对象");
}

}  // namespace

void FormCollector::count(const std::string& name) {
    if (++total_ > limits_.maxParams) {
        throwBadParam("参数过多：每个请求最多" + std::to_string(limits_.maxParams) + "个参数");
    }
    if (++perName_[name] > limits_.maxRepeats) {
        throwBadParam("同名参数过多：每个参数最多" + std::to_string(limits_.maxRepeats) + "个值");
    }
}

void FormCollector::addParam(std::string&& name, std::string&& value) {
    requireUtf8(name, value);
    count(name);
    request_.params.emplace_back(std::move(name), std::move(value));
}

void FormCollector::addFile(UploadedFile&& file) {
    requireUtf8(file.field, file.filename);
    requireUtf8(file.field, file.contentType);
    count(file.field);
    request_.files.push_back(std::move(file));
}

void parseFormData(std::string_view contentType, std::string_view body, std::string_view query,
                   Request& request, const FormLimits& limits) {
    FormCollector out(request, limits);
    const auto onPair = [&out](std::string&& name, std::string&& value) {
        out.addParam(std::move(name), std::move(value));
    };
    if (!body.empty()) {
        if (contentType.empty() ||
            startsWithNoCase(contentType, "application/x-www-form-urlencoded")) {
            parseUrlencoded(body, onPair);
        } else if (startsWithNoCase(contentType, "multipart/form-data")) {
            parseMultipart(contentType, body, out, limits);
        } else if (startsWithNoCase(contentType, "application/json")) {
            parseJsonObject(body, out);
        }
    }
    parseUrlencoded(query, onPair);
}

void parseForm(cgicc::CgiInput& input, Request& request, const FormLimits& limits) {
    std::string body;
    // Any method may carry a body: the older phones PUT and DELETE forms, and some send their
    // JSON with GET.
    const auto length = parseInt64(input.getenv("CONTENT_LENGTH"));
    if (length && *length > 0) {
        if (static_cast<std::uint64_t>(*length) > limits.maxBodyBytes) {
            throw ApiError(ErrorCode::BodyTooLarge, "请求体过大");
        }
        body.resize(static_cast<std::size_t>(*length));
        if (input.read(body.data(), body.size()) != body.size()) {
            throw std::runtime_error("the body is shorter than its Content-Length");
        }
    }
    parseFormData(input.getenv("CONTENT_TYPE"), body, input.getenv("QUERY_STRING"), request,
                  limits);
}

}  // namespace mmx
