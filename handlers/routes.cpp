#include "handlers/routes.hpp"

#include "handlers/system.hpp"
#include "handlers/user.hpp"

namespace mmx {
namespace {

using ServiceHandler = Response (*)(Services&, const Request&);

Handler bind(Services& services, ServiceHandler handler) {
    return [&services, handler](const Request& request) { return handler(services, request); };
}

}  // namespace

RouteTable buildRoutes(Services& s) {
    using enum Methods;
    using enum Access;
    RouteTable routes;
    // clang-format off
    routes.add({"/app/system!ping",                      GetOrPost, Open,   system::ping});

    routes.add({"/user/user!login",                      Post,      Client, bind(s, user::login)});
    routes.add({"/user/user!sendRegisterCode",           Post,      Client, bind(s, user::sendRegisterCode)});
    routes.add({"/user/user!register",                   Post,      Client, bind(s, user::registerUser)});
    routes.add({"/user/user!sendValidateCodeByRetreve",  Post,      Client, bind(s, user::sendValidateCodeByRetreve)});
    routes.add({"/user/user!noLoginUpdatePassword",      Post,      Client, bind(s, user::noLoginUpdatePassword)});
    routes.add({"/user/user!updatePassword",             Post,      User,   bind(s, user::updatePassword)});
    routes.add({"/user/user!signOut",                    Post,      User,   bind(s, user::signOut)});
    routes.add({"/user/user!readUser",                   GetOrPost, User,   bind(s, user::readUser)});
    routes.add({"/user/user!updateUser",                 Post,      User,   bind(s, user::updateUser)});
    routes.add({"/user/user!uploadPhoto",                Post,      User,   bind(s, user::uploadPhoto)});
    // clang-format on
    return routes;
}

}  // namespace mmx
