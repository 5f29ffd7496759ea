#include "adapters/sms.hpp"

#include <curl/curl.h>
#include <fcntl.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace mmx {

std::string smsMessageJson(const SmsMessage& message) {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
    writer.StartObject();
    writer.Key("mobile");
    writer.String(message.mobile);
    writer.Key("code");
    writer.String(message.code);
    writer.Key("purpose");
    writer.String(message.purpose);
    writer.Key("text");
    writer.String(message.text);
    writer.Key("at");
    writer.Int64(message.atMs);
    writer.EndObject();
    return std::string(buffer.GetString(), buffer.GetSize());
}

void OutboxFileSender::send(const SmsMessage& message) {
    const std::string line = smsMessageJson(message) + "\n";
    const int fd = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    if (fd < 0) throw std::runtime_error("sms outbox: " + std::string(std::strerror(errno)));
    const ssize_t written = ::write(fd, line.data(), line.size());
    ::close(fd);
    if (written != static_cast<ssize_t>(line.size()))
        throw std::runtime_error("sms outbox: short write");
}

namespace {

std::size_t discardBody(char*, std::size_t size, std::size_t count, void*) {
    return size * count;
}

}  // namespace

void HttpGatewaySender::send(const SmsMessage& message) {
    const std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(),
                                                                   curl_easy_cleanup);
    if (!curl) throw std::runtime_error("sms gateway: curl init failed");
    const std::string body = smsMessageJson(message);
    curl_slist* headers = curl_slist_append(nullptr, "Content-Type: application/json");
    if (!token_.empty())
        headers = curl_slist_append(headers, ("Authorization: Bearer " + token_).c_str());
    const std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> headerList(
        headers, curl_slist_free_all);
    curl_easy_setopt(curl.get(), CURLOPT_URL, url_.c_str());
    curl_easy_setopt(curl.get(), CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(curl.get(), CURLOPT_POSTFIELDS, body.c_str());
    curl_easy_setopt(curl.get(), CURLOPT_POSTFIELDSIZE, static_cast<long>(body.size()));
    curl_easy_setopt(curl.get(), CURLOPT_TIMEOUT_MS, timeoutMs_);
    curl_easy_setopt(curl.get(), CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl.get(), CURLOPT_WRITEFUNCTION, discardBody);
    const CURLcode result = curl_easy_perform(curl.get());
    if (result != CURLE_OK) {
        throw std::runtime_error(std::string("sms gateway: ") + curl_easy_strerror(result));
    }
    long status = 0;
    curl_easy_getinfo(curl.get(), CURLINFO_RESPONSE_CODE, &status);
    if (status < 200 || status >= 300) {
        throw std::runtime_error("sms gateway answered HTTP " + std::to_string(status));
    }
}

std::unique_ptr<SmsSender> makeSmsSender(const Config& config) {
    if (config.smsSender == "http") {
        return std::make_unique<HttpGatewaySender>(config.smsGatewayUrl, config.smsGatewayToken);
    }
    return std::make_unique<OutboxFileSender>(config.smsOutbox);
}

}  // namespace mmx
