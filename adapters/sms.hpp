#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "core/config.hpp"

namespace mmx {

struct SmsMessage {
    std::string mobile;
    std::string code;
    std::string purpose;  // register | reset | bind | destroy
    std::string text;
    std::int64_t atMs = 0;
};

// Delivers a verification code. Throws std::runtime_error when delivery failed,
// so that the caller can undo what it recorded.
class SmsSender {
  public:
    virtual ~SmsSender() = default;
    virtual void send(const SmsMessage& message) = 0;
};

// Development: each message becomes one JSON line in an outbox file.
class OutboxFileSender : public SmsSender {
  public:
    explicit OutboxFileSender(std::string path) : path_(std::move(path)) {}
    void send(const SmsMessage& message) override;

  private:
    std::string path_;
};

// Production: a JSON POST to the SMS gateway, with a bearer token when configured.
class HttpGatewaySender : public SmsSender {
  public:
    HttpGatewaySender(std::string url, std::string token, long timeoutMs = 5000)
        : url_(std::move(url)), token_(std::move(token)), timeoutMs_(timeoutMs) {}
    void send(const SmsMessage& message) override;

  private:
    std::string url_;
    std::string token_;
    long timeoutMs_;
};

// The JSON object that both senders write.
std::string smsMessageJson(const SmsMessage& message);

std::unique_ptr<SmsSender> makeSmsSender(const Config& config);

}  // namespace mmx
