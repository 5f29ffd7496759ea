// Update and GetMessage: the house's profile compare-and-set and its field-filtered read of
// one user as the reader may see them.
#include <algorithm>

#include "core/text.hpp"
#include "dialects/actions/common.hpp"
#include "dialects/actions/fields.hpp"
#include "dialects/session_cookie.hpp"
#include "handlers/params.hpp"
#include "services/account_kinds.hpp"
#include "services/profile_fields.hpp"
#include "services/profiles.hpp"
#include "services/sessions.hpp"

namespace mmx::dialects::actions {
namespace {

// Names in one data_type list: each a field, so more than the table's lines is no request.
constexpr std::size_t kMaxFieldsPerRequest = 32;

// Every value of the parameter in the order sent (a JSON array's elements); a comma inside
// a value is part of it.
std::vector<std::string> valuesOf(const Request& request, std::string_view name) {
    std::vector<std::string> values;
    for (const auto& [given, value] : request.params) {
        if (given == name) values.push_back(value);
    }
    return values;
}

// The field names of data_type, each known: BAD_PARAM ("data format error") otherwise.
std::vector<PhoneField> requireFields(const Request& request) {
    const std::vector<std::string> names = valuesOf(request, "data_type");
    if (names.empty()) throwBadParam("缺少参数 data_type");
    if (names.size() > kMaxFieldsPerRequest) throwBadParam("参数 data_type 的字段过多");
    std::vector<PhoneField> fields;
    for (const std::string& name : names) {
        const auto field = phoneField(name);
        if (!field) throwBadParam("参数 data_type 含有未知字段 " + name.substr(0, 32));
        fields.push_back(*field);
    }
    return fields;
}

// The `id` the body names: a malformed one is told as "id error" (NOT_FOUND), as an unknown
// one is.
std::int64_t requireNamedUser(const Request& request) {
    std::optional<std::int64_t> id;
    try {
        id = optionalId(request, "id");
    } catch (const ApiError&) {
        id.reset();
    }
    if (!id) throw ApiError(ErrorCode::NotFound, "用户不存在");
    return *id;
}

// The new value of `field` as the house's readers check an owner's edit of it.
std::string checkedValue(const services::ProfileFieldSpec& spec, std::string_view name,
                         const std::string& value) {
    Request one;
    one.params.emplace_back(std::string(name), value);
    if (spec.maxNumber > 0) {
        return std::to_string(*optionalInt(one, name, spec.minNumber, spec.maxNumber));
    }
    if (spec.minChars > 0) return requireText(one, name, spec.minChars, spec.maxChars);
    return *optionalText(one, name, spec.maxChars);
}

void applyUpdate(Services& services, const Request& request, const Identity& actor) {
    if (requireNamedUser(request) != actor.userId) {
        throw ApiError(ErrorCode::Forbidden, "id 与登录用户不符");
    }
    const std::vector<PhoneField> fields = requireFields(request);
    const std::vector<std::string> olds = valuesOf(request, "old_data");
    const std::vector<std::string> news = valuesOf(request, "new_data");
    if (olds.size() != fields.size() || news.size() != fields.size()) {
        throwBadParam("data_type、old_data 与 new_data 的长度不一致");
    }
    db::ProfileValues changes;
    db::ProfileValues expected;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (fields[i].kind != FieldKind::Profile) throwBadParam("该字段不可修改");
        const services::ProfileFieldSpec& spec = services::profileFieldSpec(fields[i].field);
        if (!spec.editable) throwBadParam("该字段不可修改");
        const auto slot = static_cast<std::size_t>(fields[i].field);
        if (changes[slot]) throwBadParam("参数 data_type 含有重复字段");
        changes[slot] = checkedValue(spec, fields[i].name, news[i]);
        expected[slot] = std::string(trim(olds[i]));
    }
    services::updateProfile(services, actor.userId, changes, std::nullopt, expected);
}

}  // namespace

// "Verifies session_id and changes session_id": the presented session is checked and handed a
// new token before anything else, so every answer after that carries the new cookie, and two
// Updates racing on one cookie let one through (the other is "session invalid").
Response update(Services& services, const Request& request) {
    std::optional<Identity> rotated;
    Response refused = guarded(Action::Update, request.path, [&] {
        const auto presented = readSessionCookie(request.cookieHeader, kSessionCookieName);
        if (!presented) throw ApiError(ErrorCode::AuthRequired, "请先登录");
        rotated = services::rotateSession(services, presented->userId, presented->client,
                                          presented->token);
        return Response();
    });
    if (!rotated) return refused;
    Response response = guarded(Action::Update, request.path, [&] {
        applyUpdate(services, request, *rotated);
        return answer(true, "update success");
    });
    response.addHeader(
        "Set-Cookie",
        sessionCookieFor(*rotated, std::int64_t{services.config.sessionTtlDays} * 86400,
                         kSessionCookieName));
    return response;
}

Response getMessage(Services& services, const Request& request) {
    return guarded(Action::GetMessage, request.path, [&] {
        const Identity actor =
            sessionFromCookie(services, request.cookieHeader, kSessionCookieName);
        const std::int64_t target = requireNamedUser(request);
        const std::vector<PhoneField> fields = requireFields(request);
        std::vector<db::ProfileField> only;
        for (const PhoneField& field : fields) {
            if (field.kind == FieldKind::Profile &&
                std::find(only.begin(), only.end(), field.field) == only.end()) {
                only.push_back(field.field);
            }
        }
        const services::ProfileView view = services::readProfile(services, actor, target, only);
        // What the reader may see of each field asked for, in the order asked; a field
        // hidden from the reader is left out of both lists.
        std::vector<std::pair<std::string_view, std::string>> shown;
        for (const PhoneField& field : fields) {
            switch (field.kind) {
                case FieldKind::UserId:
                    shown.emplace_back(field.name, std::to_string(view.profile.id));
                    break;
                case FieldKind::UserName:
                    if (view.visibility.ownerFields) {
                        shown.emplace_back(field.name, services::userNameOf(services, target));
                    }
                    break;
                case FieldKind::Profile:
                    if (services::profileFieldSpec(field.field).isPublic ||
                        view.visibility.ownerFields) {
                        shown.emplace_back(field.name,
                                           view.profile[field.field].value_or(std::string()));
                    }
                    break;
            }
        }
        return answer(true, "get data success", [&](JsonObject body) {
            // One list filled before the other is begun: adding a member may move the first.
            {
                JsonArray names = body.array("data_type");
                for (const auto& entry : shown) names.add(entry.first);
            }
            JsonArray data = body.array("data");
            for (const auto& entry : shown) data.add(entry.second);
        });
    });
}

}  // namespace mmx::dialects::actions
