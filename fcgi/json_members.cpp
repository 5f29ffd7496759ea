#include "fcgi/json_members.hpp"

#include <rapidjson/memorystream.h>
#include <rapidjson/reader.h>

#include <optional>
#include <utility>

#include "core/api_error.hpp"

namespace mmx {
namespace {

using OnMember = std::function<void(std::string&& name, std::string&& value)>;

// Names longer than this are not repeated back in a refusal.
constexpr std::size_t kMaxEchoedName = 64;

// Read as a stream of events, each member handed on as it is read: no document is built.
class JsonMembers : public rapidjson::BaseReaderHandler<rapidjson::UTF8<>, JsonMembers> {
  public:
    explicit JsonMembers(const OnMember& onMember) : onMember_(onMember) {}

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
            onMember_(std::string(name_), std::move(value));
        } catch (const ApiError& error) {
            refusal_.emplace(error);
            return false;
        }
        return true;
    }

    const OnMember& onMember_;
    Depth depth_ = kOutside;
    std::string name_;
    std::optional<ApiError> refusal_;
};

}  // namespace

void parseJsonMembers(std::string_view body, const OnMember& onMember) {
    JsonMembers members(onMember);
    rapidjson::Reader reader;
    rapidjson::MemoryStream stream(body.data(), body.size());
    // Iterative: the reader keeps its own state on the heap, never the call stack.
    constexpr unsigned kFlags = rapidjson::kParseStopWhenDoneFlag | rapidjson::kParseIterativeFlag |
                                rapidjson::kParseNumbersAsStringsFlag;
    const rapidjson::ParseResult parsed = reader.Parse<kFlags>(stream, members);
    if (members.refusal()) throw *members.refusal();
    if (parsed.IsError()) throwBadParam("请求体不是 JSON 对象");
}

}  // namespace mmx
