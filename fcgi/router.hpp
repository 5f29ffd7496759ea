#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "fcgi/request.hpp"
#include "fcgi/response.hpp"

namespace mmx {

// Who may call a route.
enum class Access {
    Open,    // anyone, no headers (health checks)
    Client,  // the `client` header, no session (login, register, codes)
    User,    // a valid session: `uid` + `accessToken` bound to `client`
};

// Which methods a route takes: every route takes POST; routes that only read take GET too.
enum class Methods { Post, GetOrPost };

using Handler = std::function<Response(const Request&)>;

struct Route {
    std::string path;
    Methods methods;
    Access access;
    Handler handler;
};

class RouteTable {
  public:
    void add(Route route);
    const Route* find(std::string_view path) const;
    const std::vector<Route>& all() const { return routes_; }

  private:
    std::vector<Route> routes_;
    std::unordered_map<std::string, std::size_t> index_;
};

// Checks a request's token and names its actor; throws ApiError when it cannot.
using Authenticator = std::function<Identity(const Request&)>;

// Where a request goes that no route of the table matches (the older phones' wire formats,
// by method and path): its answer, or nullopt for the 404 envelope. Must not throw.
using Fallback = std::function<std::optional<Response>(Request&)>;

// Turns a parsed request into a response. Never throws: every failure becomes an envelope.
class Dispatcher {
  public:
    Dispatcher(RouteTable routes, Authenticator authenticate, Fallback fallback = {});

    Response dispatch(Request& request) const;

  private:
    Response call(const Route& route, Request& request) const;

    RouteTable routes_;
    Authenticator authenticate_;
    Fallback fallback_;
};

// The identity headers sent back on every authenticated answer.
void addIdentityHeaders(Response& response, const Identity& identity);

// The largest `client` header we accept: an install identifier, not a payload.
inline constexpr std::size_t kMaxClientLength = 64;

}  // namespace mmx
