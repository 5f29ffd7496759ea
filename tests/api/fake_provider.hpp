#pragma once

// A fake of the four login providers (QQ Connect, WeChat, Weibo, Alipay's open API) on
// 127.0.0.1:MMX_TEST_PROVIDER_PORT, where the test stack's settings point their base
// URLs (http, allowed for loopback by MMX_THIRD_PARTY_LOOPBACK_HTTP=1). It answers each
// provider's documented shapes. A token or code says what it is:
//   good:<openid>      valid, issued to our app, for that user
//   otherapp:<openid>  valid, but issued to another app
//   slow:<openid>      the provider holds the answer until release() (or 20 s)
//   down:<openid>      the provider drops the connection without a word
//   tampered:<openid>  (Alipay) the user info, its nickname altered after signing
// and anything else is a token the provider does not know. A code is "code:" + a token.
// Alipay requests must carry a valid RSA2 signature of our app's test key; Alipay's
// answers are signed with the fake's test key. Both key pairs are made at test time with
// the openssl command, in <stack var>/third-party/, where the stack's settings point.

#include <arpa/inet.h>
#include <netinet/in.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "api_test.hpp"
#include "helpers.hpp"
#include "sample_images.hpp"

namespace providertest {

using mmx::apitest::quoted;

inline const std::string kQQAppId = "101010";
inline const std::string kWeChatAppId = "wxtestapp";
inline const std::string kWeChatSecret = "wxtestsecret";
inline const std::string kWeiboAppKey = "3000001";
inline const std::string kAlipayAppId = "2021000000000001";

inline std::string keyDir() {
    return api::stackEnv().varDir + "/third-party";
}

// Makes the two RSA key pairs (ours and "Alipay's") once per run.
inline void makeKeys() {
    const std::string dir = keyDir();
    const std::string script =
        "set -e; mkdir -p '" + dir + "'; cd '" + dir +
        "'; for k in app alipay; do "
        "openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out $k.key.new "
        "2>/dev/null; openssl pkey -in $k.key.new -pubout -out ${k}_public.pem.new; "
        "mv $k.key.new ${k}_private.pem; mv ${k}_public.pem.new ${k}_public.pem; done";
    BOOST_REQUIRE_MESSAGE(std::system(script.c_str()) == 0, "openssl could not make keys");
}

inline std::string readText(const std::string& path) {
    return api::readFile(path);
}

inline std::string base64(const std::vector<unsigned char>& bytes) {
    std::string out(4 * ((bytes.size() + 2) / 3) + 1, '\0');
    const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()), bytes.data(),
                                  static_cast<int>(bytes.size()));
    out.resize(static_cast<std::size_t>(n));
    return out;
}

inline std::string rsaSign(const std::string& pem, const std::string& content) {
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(
        BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())), BIO_free);
    std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(
        PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr), EVP_PKEY_free);
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    std::size_t size = 0;
    EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key.get());
    EVP_DigestSign(ctx.get(), nullptr, &size,
                   reinterpret_cast<const unsigned char*>(content.data()), content.size());
    std::vector<unsigned char> sig(size);
    EVP_DigestSign(ctx.get(), sig.data(), &size,
                   reinterpret_cast<const unsigned char*>(content.data()), content.size());
    sig.resize(size);
    return base64(sig);
}

inline bool rsaVerify(const std::string& pem, const std::string& content,
                      const std::string& signature) {
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(
        BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())), BIO_free);
    std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(
        PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr), EVP_PKEY_free);
    if (!key || signature.empty() || signature.size() % 4 != 0) return false;
    std::vector<unsigned char> raw(signature.size() / 4 * 3);
    int n = EVP_DecodeBlock(raw.data(), reinterpret_cast<const unsigned char*>(signature.data()),
                            static_cast<int>(signature.size()));
    if (n < 0) return false;
    if (signature.back() == '=') --n;
    if (signature[signature.size() - 2] == '=') --n;
    raw.resize(static_cast<std::size_t>(n));
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    EVP_DigestVerifyInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key.get());
    return EVP_DigestVerify(ctx.get(), raw.data(), raw.size(),
                            reinterpret_cast<const unsigned char*>(content.data()),
                            content.size()) == 1;
}

inline std::string urlDecode(const std::string& text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '+') {
            out += ' ';
        } else if (text[i] == '%' && i + 2 < text.size()) {
            out += static_cast<char>(std::stoi(text.substr(i + 1, 2), nullptr, 16));
            i += 2;
        } else {
            out += text[i];
        }
    }
    return out;
}

inline std::map<std::string, std::string> parseForm(const std::string& text) {
    std::map<std::string, std::string> out;
    std::size_t at = 0;
    while (at < text.size()) {
        std::size_t end = text.find('&', at);
        if (end == std::string::npos) end = text.size();
        const std::string pair = text.substr(at, end - at);
        const std::size_t eq = pair.find('=');
        if (eq != std::string::npos)
            out[urlDecode(pair.substr(0, eq))] = urlDecode(pair.substr(eq + 1));
        at = end + 1;
    }
    return out;
}

// A token's kind and user: "good:42" -> {"good", "42"}.
struct Token {
    std::string kind;
    std::string openId;
};
inline Token parseToken(const std::string& token) {
    const std::size_t colon = token.find(':');
    if (colon == std::string::npos) return {"unknown", ""};
    return {token.substr(0, colon), token.substr(colon + 1)};
}

class FakeProvider {
  public:
    FakeProvider() {
        makeKeys();
        alipayPrivate_ = readText(keyDir() + "/alipay_private.pem");
        appPublic_ = readText(keyDir() + "/app_public.pem");
        const char* port = std::getenv("MMX_TEST_PROVIDER_PORT");
        BOOST_REQUIRE_MESSAGE(port != nullptr, "MMX_TEST_PROVIDER_PORT is not set");
        port_ = std::atoi(port);
        listen_ = socket(AF_INET, SOCK_STREAM, 0);
        const int on = 1;
        setsockopt(listen_, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
        sockaddr_in at{};
        at.sin_family = AF_INET;
        at.sin_port = htons(static_cast<std::uint16_t>(port_));
        inet_pton(AF_INET, "127.0.0.1", &at.sin_addr);
        BOOST_REQUIRE_MESSAGE(bind(listen_, reinterpret_cast<sockaddr*>(&at), sizeof at) == 0,
                              "cannot bind the fake provider's port " << port_);
        BOOST_REQUIRE(::listen(listen_, 64) == 0);
        acceptor_ = std::thread([this] { acceptLoop(); });
    }
    ~FakeProvider() {
        release();
        stop_ = true;
        acceptor_.join();
        for (auto& t : connections_) t.join();
        close(listen_);
    }
    FakeProvider(const FakeProvider&) = delete;
    FakeProvider& operator=(const FakeProvider&) = delete;

    std::string avatarUrl() const {
        return "http://127.0.0.1:" + std::to_string(port_) + "/avatar.png";
    }
    // Lets every held ("slow") answer go.
    void release() {
        std::lock_guard lock(mutex_);
        released_ = true;
        cv_.notify_all();
    }
    int requestsFor(const std::string& pathPrefix) {
        std::lock_guard lock(mutex_);
        int n = 0;
        for (const auto& p : paths_) n += p.rfind(pathPrefix, 0) == 0 ? 1 : 0;
        return n;
    }

  private:
    void acceptLoop() {
        while (!stop_) {
            pollfd p{listen_, POLLIN, 0};
            if (poll(&p, 1, 50) <= 0) continue;
            const int conn = accept(listen_, nullptr, nullptr);
            if (conn < 0) continue;
            std::lock_guard lock(mutex_);
            connections_.emplace_back([this, conn] {
                serve(conn);
                close(conn);
            });
        }
    }

    void serve(int conn) {
        std::string request;
        char buffer[8192];
        std::size_t headEnd = std::string::npos;
        while ((headEnd = request.find("\r\n\r\n")) == std::string::npos) {
            const ssize_t n = recv(conn, buffer, sizeof buffer, 0);
            if (n <= 0) return;
            request.append(buffer, static_cast<std::size_t>(n));
        }
        std::size_t length = 0;
        const std::size_t cl = request.find("Content-Length: ");
        if (cl != std::string::npos && cl < headEnd) length = std::stoul(request.substr(cl + 16));
        while (request.size() < headEnd + 4 + length) {
            const ssize_t n = recv(conn, buffer, sizeof buffer, 0);
            if (n <= 0) return;
            request.append(buffer, static_cast<std::size_t>(n));
        }
        const std::size_t start = request.find(' ') + 1;
        const std::string target = request.substr(start, request.find(' ', start) - start);
        const std::size_t q = target.find('?');
        const std::string path = target.substr(0, q);
        auto params = parseForm(q == std::string::npos ? "" : target.substr(q + 1));
        for (const auto& [k, v] : parseForm(request.substr(headEnd + 4, length))) params[k] = v;
        {
            std::lock_guard lock(mutex_);
            paths_.push_back(path);
        }
        if (path == "/avatar.png") {
            reply(conn, 200, "image/png", mmx::apitest::images::png());
            return;
        }
        std::string token = params.count("access_token") ? params["access_token"]
                            : params.count("auth_token") ? params["auth_token"]
                                                         : params["code"];
        if (token.rfind("code:", 0) == 0) token = token.substr(5);
        const Token t = parseToken(token);
        if (t.kind == "down") return;  // the connection closes unanswered
        if (t.kind == "slow") {
            std::unique_lock lock(mutex_);
            cv_.wait_for(lock, std::chrono::seconds(20), [this] { return released_; });
        }
        int status = 200;
        const std::string body = answer(path, params, t, status);
        reply(conn, status, "application/json;charset=UTF-8", body);
    }

    std::string answer(const std::string& path, std::map<std::string, std::string>& params,
                       const Token& t, int& status) {
        const bool known =
            t.kind == "good" || t.kind == "otherapp" || t.kind == "slow" || t.kind == "tampered";
        const std::string avatar = quoted(avatarUrl());
        if (path == "/qq/oauth2.0/me") {
            if (!known)
                return R"({"error":100016,"error_description":"access token check failed"})";
            const std::string app = t.kind == "otherapp" ? "999999" : kQQAppId;
            return "callback( {\"client_id\":" + quoted(app) + ",\"openid\":" + quoted(t.openId) +
                   "} );\n";
        }
        if (path == "/qq/user/get_user_info") {
            if (!known || params["oauth_consumer_key"] != kQQAppId || params["openid"] != t.openId)
                return R"({"ret":-1,"msg":"client request's parameters are invalid"})";
            return R"({"ret":0,"msg":"","nickname":"QQ小明","gender":"男","figureurl_qq_1":)" +
                   avatar + ",\"figureurl_qq_2\":" + avatar + "}";
        }
        if (path == "/wechat/sns/oauth2/access_token") {
            if (t.kind != "good" || params["appid"] != kWeChatAppId ||
                params["secret"] != kWeChatSecret)
                return R"({"errcode":40029,"errmsg":"invalid code"})";
            return "{\"access_token\":\"good:" + t.openId +
                   "\",\"expires_in\":7200,\"refresh_token\":\"r\",\"openid\":" + quoted(t.openId) +
                   ",\"scope\":\"snsapi_userinfo\"}";
        }
        if (path == "/wechat/sns/auth" || path == "/wechat/sns/userinfo") {
            // WeChat's openids are per app: a token of another app never matches ours.
            if (!known || t.kind == "otherapp" || params["openid"] != t.openId)
                return R"({"errcode":40003,"errmsg":"invalid openid"})";
            if (path == "/wechat/sns/auth") return R"({"errcode":0,"errmsg":"ok"})";
            return "{\"openid\":" + quoted(t.openId) +
                   ",\"nickname\":\"微信小红\",\"sex\":2,\"province\":\"广东\",\"city\":\"深圳\","
                   "\"country\":\"中国\",\"headimgurl\":" +
                   avatar + ",\"privilege\":[]}";
        }
        if (path == "/weibo/oauth2/get_token_info") {
            if (!known) {
                status = 400;
                return R"({"error":"invalid_access_token","error_code":21332,"request":"/oauth2/get_token_info"})";
            }
            const std::string app = t.kind == "otherapp" ? "9999999" : kWeiboAppKey;
            return "{\"uid\":" + t.openId + ",\"appkey\":" + quoted(app) +
                   ",\"scope\":null,\"create_at\":1700000000,\"expire_in\":157679999}";
        }
        if (path == "/weibo/2/users/show.json") {
            if (!known || params["uid"] != t.openId) {
                status = 400;
                return R"({"error":"invalid_access_token","error_code":21332})";
            }
            return "{\"id\":" + t.openId + ",\"idstr\":" + quoted(t.openId) +
                   ",\"screen_name\":\"微博达人\",\"gender\":\"m\",\"avatar_large\":" + avatar +
                   "}";
        }
        if (path == "/alipay/gateway.do") return alipay(params, t, known);
        status = 404;
        return R"({"error":"not found"})";
    }

    std::string alipay(std::map<std::string, std::string>& params, const Token& t, bool known) {
        std::string content;
        for (const auto& [k, v] : params) {
            if (k == "sign" || v.empty()) continue;
            content += (content.empty() ? "" : "&") + k + "=" + v;
        }
        const std::string method = params["method"];
        std::string member = method;
        for (char& c : member) c = c == '.' ? '_' : c;
        member += "_response";
        std::string inner;
        if (params["app_id"] != kAlipayAppId || params["sign_type"] != "RSA2" ||
            !rsaVerify(appPublic_, content, params["sign"])) {
            member = "error_response";
            inner =
                R"({"code":"40002","msg":"Invalid Arguments","sub_code":"isv.invalid-signature","sub_msg":"验签出错"})";
        } else if (method == "alipay.system.oauth.token") {
            if (t.kind != "good" && t.kind != "tampered") {
                member = "error_response";
                inner =
                    R"({"code":"40002","msg":"Invalid Arguments","sub_code":"isv.code-invalid","sub_msg":"授权码code无效"})";
            } else {
                inner = "{\"access_token\":\"" + t.kind + ":" + t.openId +
                        "\",\"alipay_user_id\":\"20880000\",\"expires_in\":1296000,"
                        "\"re_expires_in\":2592000,\"refresh_token\":\"r\",\"user_id\":" +
                        quoted(t.openId) + "}";
            }
        } else if (method == "alipay.user.info.share") {
            if (!known || t.kind == "otherapp") {
                inner =
                    R"({"code":"20001","msg":"Insufficient Token Permissions","sub_code":"aop.invalid-auth-token","sub_msg":"无效的访问令牌"})";
            } else {
                inner = "{\"code\":\"10000\",\"msg\":\"Success\",\"user_id\":" + quoted(t.openId) +
                        ",\"nick_name\":\"支付宝用户\",\"gender\":\"F\","
                        "\"avatar\":" +
                        quoted(avatarUrl()) + "}";
            }
        }
        const std::string sign = rsaSign(alipayPrivate_, inner);
        if (t.kind == "tampered") {
            // Altered after signing, in a way that would still sign the user in.
            const std::size_t at = inner.find("支付宝用户");
            if (at != std::string::npos)
                inner.replace(at, std::string("支付宝用户").size(), "篡改者");
        }
        return "{" + quoted(member) + ":" + inner + ",\"sign\":" + quoted(sign) + "}";
    }

    static void reply(int conn, int status, const std::string& type, const std::string& body) {
        const std::string head = "HTTP/1.0 " + std::to_string(status) +
                                 (status == 200 ? " OK" : " Error") + "\r\nContent-Type: " + type +
                                 "\r\nContent-Length: " + std::to_string(body.size()) +
                                 "\r\nConnection: close\r\n\r\n";
        const std::string all = head + body;
        std::size_t sent = 0;
        while (sent < all.size()) {
            const ssize_t n = send(conn, all.data() + sent, all.size() - sent, MSG_NOSIGNAL);
            if (n <= 0) return;
            sent += static_cast<std::size_t>(n);
        }
    }

    int port_ = 0;
    int listen_ = -1;
    std::string alipayPrivate_;
    std::string appPublic_;
    std::atomic<bool> stop_{false};
    std::thread acceptor_;
    std::mutex mutex_;
    std::condition_variable cv_;
    bool released_ = false;
    std::vector<std::thread> connections_;
    std::vector<std::string> paths_;
};

// The test process's one fake, started on first use.
inline FakeProvider& provider() {
    static FakeProvider fake;
    return fake;
}

// A client address 127.x.y.z of this run's own (`salt` picks one of several): the provider
// logins are limited per address, and the counters outlive a run.
inline std::string runAddress(long long salt) {
    const long long n = api::nowMillis() / 7 + salt;
    return "127." + std::to_string(1 + n % 250) + "." + std::to_string(1 + (n / 250) % 250) + "." +
           std::to_string(2 + (n / 62500) % 250);
}

// The test process's client for the provider routes, sending from runAddress(0).
inline api::HttpClient& providerPhone() {
    static api::HttpClient client(api::stackEnv().baseUrl);
    static const bool addressed = (client.setSourceAddress(runAddress(0)), true);
    (void)addressed;
    return client;
}

// A provider user id never used before (digits, as Weibo's are).
inline std::string freshOpenId() {
    static std::atomic<int> counter{0};
    return std::to_string(api::nowMillis()) + std::to_string(100 + counter++);
}

}  // namespace providertest
