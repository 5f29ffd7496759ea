#pragma once

// The older phones' side of the API tests: a phone that keeps the session cookie its login
// set and sends it back, as its HTTP library (a WebView, OkHttp) would, and the house's
// session of an account a phone made.
#include <string>

#include "api_test.hpp"
#include "helpers.hpp"

namespace mmx::apitest {

// Sends JSON bodies with the cookie of the last Set-Cookie it was answered.
struct CookiePhone {
    std::string cookie;

    Response send(const std::string& method, const std::string& path, const std::string& json,
                  HttpClient& client = http()) {
        Headers headers = {{"Content-Type", "application/json"}};
        if (!cookie.empty()) headers.emplace_back("Cookie", cookie);
        Response r = client.request(method, path, json, headers);
        const std::string setCookie = r.header("set-cookie");
        if (!setCookie.empty()) cookie = setCookie.substr(0, setCookie.find(';'));
        return r;
    }
};

// A house session of the account the phone made (by its login name: a user name, an e-mail
// or a mobile), to check through the house's routes what the phone changed.
inline TestUser houseSession(const std::string& loginName, const std::string& password) {
    return {{}, password, login(loginName, password, uniqueClient())};
}

}  // namespace mmx::apitest
