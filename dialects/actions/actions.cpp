// Translation only: every rule is the services' (the same the /user/… routes call); no SQL
// and no repository here.
#include "dialects/actions/actions.hpp"

#include "dialects/actions/common.hpp"

namespace mmx::dialects::actions {
namespace {

// One path for every use case: the body's Action picks it. Login and Logon need no session;
// Update and GetMessage check the session_id cookie themselves, in the phone's answer shape.
Response user(Services& services, const Request& request) {
    switch (actionNamed(request.param("Action").value_or(""))) {
        case Action::Login:
            return login(services, request);
        case Action::Logon:
            return logon(services, request);
        case Action::Update:
            return update(services, request);
        case Action::GetMessage:
            return getMessage(services, request);
        case Action::Unknown:
            break;
    }
    return failure(Action::Unknown, messFor(Action::Unknown, ErrorCode::BadParam));
}

}  // namespace

Dialect dialect() {
    Dialect d;
    d.name = std::string(kName);
    d.sessionCookie = std::string(kSessionCookieName);
    d.routes = {{Method::Post, "/user", DialectAccess::Open, user}};
    d.refusal = [](const ApiError& error) { return refusal(Action::Unknown, error); };
    d.fault = [] { return failure(Action::Unknown, faultMessFor(Action::Unknown)); };
    return d;
}

}  // namespace mmx::dialects::actions
