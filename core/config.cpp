#include "core/config.hpp"

#include <cstdlib>
#include <stdexcept>
#include <thread>

#include "core/text.hpp"
#include "core/third_party.hpp"

namespace mmx {
namespace {

void readString(const EnvLookup& lookup, const char* name, std::string& target) {
    if (const char* value = lookup(name)) target = value;
}

template <typename Int>
void readInt(const EnvLookup& lookup, const char* name, Int& target, long long min, long long max) {
    const char* value = lookup(name);
    if (value == nullptr || *value == '\0') return;
    const auto parsed = parseInt64(value);
    if (!parsed || *parsed < min || *parsed > max) {
        throw std::invalid_argument(std::string(name) + " must be a number from " +
                                    std::to_string(min) + " to " + std::to_string(max));
    }
    target = static_cast<Int>(*parsed);
}

void readBaseUrl(const EnvLookup& lookup, const char* name, std::string& target,
                 bool loopbackHttp) {
    readString(lookup, name, target);
    while (!target.empty() && target.back() == '/') target.pop_back();
    if (const auto problem = providerBaseUrlProblem(target, loopbackHttp)) {
        throw std::invalid_argument(std::string(name) + ": " + *problem);
    }
}

void readThirdParty(const EnvLookup& lookup, Config& c) {
    int loopbackHttp = 0;
    readInt(lookup, "MMX_THIRD_PARTY_LOOPBACK_HTTP", loopbackHttp, 0, 1);
    c.thirdPartyLoopbackHttp = loopbackHttp == 1;
    readBaseUrl(lookup, "MMX_QQ_BASE_URL", c.qqBaseUrl, c.thirdPartyLoopbackHttp);
    readString(lookup, "MMX_QQ_APP_ID", c.qqAppId);
    readBaseUrl(lookup, "MMX_WECHAT_BASE_URL", c.wechatBaseUrl, c.thirdPartyLoopbackHttp);
    readString(lookup, "MMX_WECHAT_APP_ID", c.wechatAppId);
    readString(lookup, "MMX_WECHAT_APP_SECRET", c.wechatAppSecret);
    readBaseUrl(lookup, "MMX_WEIBO_BASE_URL", c.weiboBaseUrl, c.thirdPartyLoopbackHttp);
    readString(lookup, "MMX_WEIBO_APP_KEY", c.weiboAppKey);
    readBaseUrl(lookup, "MMX_ALIPAY_GATEWAY_URL", c.alipayGatewayUrl, c.thirdPartyLoopbackHttp);
    readString(lookup, "MMX_ALIPAY_APP_ID", c.alipayAppId);
    readString(lookup, "MMX_ALIPAY_PRIVATE_KEY_FILE", c.alipayPrivateKeyFile);
    readString(lookup, "MMX_ALIPAY_PUBLIC_KEY_FILE", c.alipayPublicKeyFile);
    if (!c.alipayAppId.empty() &&
        (c.alipayPrivateKeyFile.empty() || c.alipayPublicKeyFile.empty())) {
        throw std::invalid_argument(
            "MMX_ALIPAY_APP_ID needs MMX_ALIPAY_PRIVATE_KEY_FILE and MMX_ALIPAY_PUBLIC_KEY_FILE");
    }
    readInt(lookup, "MMX_THIRD_PARTY_TIMEOUT_MS", c.thirdPartyTimeoutMs, 100, 30000);
    readInt(lookup, "MMX_THIRD_LOGIN_IP_LIMIT", c.thirdLoginIpLimit, 1, 10000000);
}

}  // namespace

Config loadConfig(const EnvLookup& lookup) {
    Config c;
    readString(lookup, "MMX_DB_SOCKET", c.dbSocket);
    readString(lookup, "MMX_DB_HOST", c.dbHost);
    readInt(lookup, "MMX_DB_PORT", c.dbPort, 1, 65535);
    readString(lookup, "MMX_DB_USER", c.dbUser);
    readString(lookup, "MMX_DB_PASSWORD", c.dbPassword);
    readString(lookup, "MMX_DB_NAME", c.dbName);
    readString(lookup, "MMX_LOG_FILE", c.logFile);
    readString(lookup, "MMX_UPLOAD_DIR", c.uploadDir);
    readString(lookup, "MMX_PUBLIC_BASE_URL", c.publicBaseUrl);
    while (!c.publicBaseUrl.empty() && c.publicBaseUrl.back() == '/') c.publicBaseUrl.pop_back();
    readString(lookup, "MMX_RUN_DIR", c.runDir);
    readString(lookup, "MMX_DOWNLOAD_DIR", c.downloadDir);
    readString(lookup, "MMX_SECRET", c.secret);
    readInt(lookup, "MMX_SESSION_TTL_DAYS", c.sessionTtlDays, 1, 365);
    readInt(lookup, "MMX_STAFF_SESSION_HOURS", c.staffSessionHours, 1, 24 * 365);
    readInt(lookup, "MMX_HASH_CONCURRENCY", c.hashConcurrency, 0, 256);
    readString(lookup, "MMX_PASSWORD_HASH_COST", c.passwordHashCost);
    if (c.passwordHashCost != "interactive" && c.passwordHashCost != "minimal") {
        throw std::invalid_argument("MMX_PASSWORD_HASH_COST must be interactive or minimal");
    }
    readString(lookup, "MMX_SMS_SENDER", c.smsSender);
    if (c.smsSender != "file" && c.smsSender != "http") {
        throw std::invalid_argument("MMX_SMS_SENDER must be file or http");
    }
    readString(lookup, "MMX_SMS_OUTBOX", c.smsOutbox);
    readString(lookup, "MMX_SMS_GATEWAY_URL", c.smsGatewayUrl);
    readString(lookup, "MMX_SMS_GATEWAY_TOKEN", c.smsGatewayToken);
    if (c.smsSender == "http" && c.smsGatewayUrl.empty()) {
        throw std::invalid_argument("MMX_SMS_GATEWAY_URL is required when MMX_SMS_SENDER=http");
    }
    if (c.passwordHashCost == "minimal" && c.smsSender != "file") {
        throw std::invalid_argument(
            "MMX_PASSWORD_HASH_COST=minimal is for test stacks: it needs MMX_SMS_SENDER=file");
    }
    readInt(lookup, "MMX_SMS_INTERVAL_SECONDS", c.smsIntervalSeconds, 0, 3600);
    readInt(lookup, "MMX_SMS_DAILY_LIMIT", c.smsDailyLimit, 1, 1000);
    readInt(lookup, "MMX_SMS_CODE_TTL_SECONDS", c.smsCodeTtlSeconds, 30, 3600);
    readInt(lookup, "MMX_SMS_MAX_WRONG_TRIES", c.smsMaxWrongTries, 1, 100);
    readInt(lookup, "MMX_CODE_PROVEN_SECONDS", c.codeProvenSeconds, 30, 3600);
    readInt(lookup, "MMX_LOGIN_FAIL_LIMIT", c.loginFailLimit, 1, 1000);
    readInt(lookup, "MMX_LOGIN_IP_LIMIT", c.loginIpLimit, 1, 10000000);
    readInt(lookup, "MMX_CODE_IP_LIMIT", c.codeIpLimit, 1, 10000000);
    readInt(lookup, "MMX_LOGIN_ACCOUNT_FAIL_LIMIT", c.accountFailLimit, 1, 100000);
    readInt(lookup, "MMX_LOOKUP_DAILY_NUMBERS", c.lookupDailyNumbers, 1, 10000000);
    readInt(lookup, "MMX_LOOKUP_IP_DAILY_NUMBERS", c.lookupIpDailyNumbers, 1, 100000000);
    readInt(lookup, "MMX_SEARCH_DAILY_LIMIT", c.searchDailyLimit, 1, 10000000);
    readInt(lookup, "MMX_SEARCH_IP_DAILY_LIMIT", c.searchIpDailyLimit, 1, 100000000);
    readInt(lookup, "MMX_RECALL_WINDOW_SECONDS", c.recallWindowSeconds, 0, 86400);
    readInt(lookup, "MMX_PRESENCE_TIMEOUT_SECONDS", c.presenceTimeoutSeconds, 1, 86400);
    readInt(lookup, "MMX_MAX_FRIENDS", c.maxFriends, 1, 100000);
    readInt(lookup, "MMX_MAX_PENDING_REQUESTS", c.maxPendingRequests, 1, 100000);
    readInt(lookup, "MMX_GROUP_MAX_MEMBERS", c.groupMaxMembers, 2, 100000);
    readInt(lookup, "MMX_MAX_IMAGE_PIXELS", c.maxImagePixels, 1, 1'000'000'000);
    readInt(lookup, "MMX_MAX_PARAMS", c.maxParams, 10, 100000);
    readInt(lookup, "MMX_MAX_REPEATS", c.maxRepeats, 1, 100000);
    readInt(lookup, "MMX_REQUEST_CPU_SECONDS", c.requestCpuSeconds, 0, 3600);
    readInt(lookup, "MMX_MAX_FAN_SHOPS", c.maxFanShops, 1, 100000);
    readInt(lookup, "MMX_MAX_FAVORITE_GOODS", c.maxFavoriteGoods, 1, 100000);
    int openRegistration = 0;
    readInt(lookup, "MMX_OPEN_REGISTRATION", openRegistration, 0, 1);
    c.openRegistration = openRegistration == 1;
    readInt(lookup, "MMX_OPEN_REGISTRATION_IP_LIMIT", c.openRegistrationIpLimit, 1, 10000000);
    int secureCookies = 1;
    readInt(lookup, "MMX_SECURE_COOKIES", secureCookies, 0, 1);
    c.secureCookies = secureCookies == 1;
    if (const char* hosts = lookup("MMX_FETCH_ALLOWED_HOSTS")) {
        std::string_view rest(hosts);
        while (!rest.empty()) {
            const std::size_t comma = rest.find(',');
            const std::string_view host = rest.substr(0, comma);
            if (!host.empty()) c.fetchAllowedHosts.emplace_back(host);
            rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
        }
    }
    readThirdParty(lookup, c);
    if (c.secret.size() < 16) {
        throw std::invalid_argument("MMX_SECRET must be set (at least 16 characters)");
    }
    if (c.hashConcurrency == 0) {
        c.hashConcurrency = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    }
    return c;
}

Config loadConfigFromEnvironment() {
    return loadConfig([](const char* name) { return std::getenv(name); });
}

}  // namespace mmx
