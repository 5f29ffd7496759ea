#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace mmx {

// Every setting of the server, read from MMX_* environment variables.
// Defaults are production's; README.md lists each one.
struct Config {
    // Database
    std::string dbSocket;  // when set, host and port are not used
    std::string dbHost = "127.0.0.1";
    unsigned dbPort = 3306;
    std::string dbUser = "mmx";
    std::string dbPassword;
    std::string dbName = "mmx";

    // Files
    std::string logFile = "var/log/requests.log";
    std::string uploadDir = "var/upload";
    std::string publicBaseUrl = "http://127.0.0.1:8080";
    std::string runDir = "var/run";
    // App packages (scripts/admin publish-version copies them here); nginx serves it at
    // /download/.
    std::string downloadDir = "var/download";

    // Secrets and sessions
    std::string secret;  // pepper for SMS code hashes
    int sessionTtlDays = 30;
    // Site staff (owner, deputy, admin): a session lasts this long from its login, not
    // sliding (MMX_STAFF_SESSION_HOURS).
    int staffSessionHours = 12;

    // Password hashing: how many argon2id hashes may run at once across all workers.
    int hashConcurrency = 0;  // 0: one per core
    // interactive (libsodium's interactive limits) | minimal (test stacks only: refused
    // with the http SMS sender, i.e. anywhere real users can register)
    std::string passwordHashCost = "interactive";

    // SMS
    std::string smsSender = "file";  // file | http
    std::string smsOutbox = "var/sms-outbox.jsonl";
    std::string smsGatewayUrl;
    std::string smsGatewayToken;
    int smsIntervalSeconds = 60;
    int smsDailyLimit = 10;
    int smsCodeTtlSeconds = 300;
    int smsMaxWrongTries = 5;
    // How long a code the phone proved (verifyCode) may then be spent without being sent
    // again, by registering or resetting the password with the mobile alone.
    int codeProvenSeconds = 600;

    // Limits per 15-minute window
    int loginFailLimit = 5;  // wrong passwords per (account, client address)
    int loginIpLimit = 30;   // login attempts per client address
    int codeIpLimit = 30;    // code sends and checks per client address

    // Wrong passwords per account per hour, from every address together. A client that
    // has logged in to the account before still gets in with the right password.
    int accountFailLimit = 100;

    // Look-up budgets per China calendar day: numbers checked by selectPhones plus
    // strangers read by readUsers, and searches by mobile or MMX code; per user and per
    // client address.
    int lookupDailyNumbers = 2000;
    int lookupIpDailyNumbers = 20000;
    int searchDailyLimit = 100;
    int searchIpDailyLimit = 1000;

    // Uploads
    std::int64_t photoMaxBytes = 3 * 1024 * 1024;
    // Pixels (width × height, read from the header) an uploaded picture may declare;
    // a few KB of PNG can declare gigabytes of pixels.
    std::int64_t maxImagePixels = 40'000'000;

    // Chat: how long a sender may recall a message (a group's owner/admin: always).
    int recallWindowSeconds = 120;

    // Shops: how long a user who entered and neither left nor polled the count still
    // counts as in the shop (MMX_PRESENCE_TIMEOUT_SECONDS).
    int presenceTimeoutSeconds = 600;

    // Friends (MMX_MAX_FRIENDS, MMX_MAX_PENDING_REQUESTS): friends per user, and
    // requests waiting for one user's answer; beyond either an invitation is CONFLICT.
    int maxFriends = 3000;
    int maxPendingRequests = 100;

    // Groups: the member cap a new group gets (its owner included)
    int groupMaxMembers = 500;

    // One request (MMX_MAX_PARAMS, MMX_MAX_REPEATS): parameters and files it may carry,
    // and values under one name (selectPhones and addMembers send up to 500).
    int maxParams = 1000;
    int maxRepeats = 500;
    // CPU seconds one request may spend before its worker is stopped and replaced
    // (MMX_REQUEST_CPU_SECONDS; 0: no budget).
    int requestCpuSeconds = 5;

    // A user's collections (MMX_MAX_FAN_SHOPS, MMX_MAX_FAVORITE_GOODS): fan shops and
    // favourite goods per user; one more is CONFLICT. They also cap the phone's list a
    // diff takes.
    int maxFanShops = 1000;
    int maxFavoriteGoods = 1000;
    // Avatars by URL (MMX_FETCH_ALLOWED_HOSTS): hosts fetched even when their address is
    // loopback or private, matched against the URL's host exactly. Empty in production;
    // the test stacks allow the literal 127.0.0.1 their own test servers listen on.
    std::vector<std::string> fetchAllowedHosts;

    // Third-party login (user!thirdLogin): each provider's API base and our app's
    // credentials with it. A provider without its app id is refused (BAD_PARAM). Base URLs
    // must be https; http is taken only for a loopback host, and only when
    // MMX_THIRD_PARTY_LOOPBACK_HTTP=1 (the test stacks' fake provider).
    std::string qqBaseUrl = "https://graph.qq.com";
    std::string qqAppId;
    std::string wechatBaseUrl = "https://api.weixin.qq.com";
    std::string wechatAppId;
    std::string wechatAppSecret;
    std::string weiboBaseUrl = "https://api.weibo.com";
    std::string weiboAppKey;
    std::string alipayGatewayUrl = "https://openapi.alipay.com/gateway.do";
    std::string alipayAppId;
    std::string alipayPrivateKeyFile;  // our app's RSA key (PEM): signs each request
    std::string alipayPublicKeyFile;   // Alipay's RSA public key (PEM): checks each answer
    bool thirdPartyLoopbackHttp = false;
    int thirdPartyTimeoutMs = 5000;  // one provider call, connect and transfer
    int thirdLoginIpLimit = 30;      // thirdLogin and thirdInfo per client address, 15 minutes
    // Accounts by user name or e-mail with no SMS code (MMX_OPEN_REGISTRATION): off unless
    // the operator turns it on; each client address may make MMX_OPEN_REGISTRATION_IP_LIMIT
    // tries an hour.
    bool openRegistration = false;
    int openRegistrationIpLimit = 10;
    // The older phones' session cookies carry `Secure` (sent back over HTTPS alone) unless the
    // operator serves plain HTTP (MMX_SECURE_COOKIES=0: the local stacks on 127.0.0.1).
    bool secureCookies = true;
};

using EnvLookup = std::function<const char*(const char*)>;

// Reads the configuration; throws std::invalid_argument naming the bad variable.
Config loadConfig(const EnvLookup& lookup);
Config loadConfigFromEnvironment();

}  // namespace mmx
