#include "fcgi/form.hpp"

#include <cgicc/Cgicc.h>

#include <cstring>
#include <stdexcept>

#include "core/api_error.hpp"
#include "core/text.hpp"
#include "fcgi/json_members.hpp"
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
            parseJsonMembers(body, onPair);
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
