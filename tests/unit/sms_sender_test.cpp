#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>

#include "adapters/sms.hpp"

using namespace mmx;

namespace {

// A one-shot HTTP receiver on a loopback port: records what it was sent and answers
// with the status it was given. Stands in for the SMS gateway.
class GatewayStub {
  public:
    explicit GatewayStub(int status) : status_(status) {
        fd_ = socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (bind(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
            listen(fd_, 1) != 0) {
            throw std::runtime_error("stub gateway cannot listen");
        }
        socklen_t length = sizeof address;
        getsockname(fd_, reinterpret_cast<sockaddr*>(&address), &length);
        port_ = ntohs(address.sin_port);
        thread_ = std::thread([this] { serveOne(); });
    }
    ~GatewayStub() {
        if (thread_.joinable()) thread_.join();
        close(fd_);
    }

    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/sms"; }
    std::string received() {
        if (thread_.joinable()) thread_.join();
        return received_;
    }

  private:
    void serveOne() {
        const int connection = accept(fd_, nullptr, nullptr);
        if (connection < 0) return;
        char buffer[4096];
        std::size_t contentLength = 0;
        std::size_t headerEnd = std::string::npos;
        while (headerEnd == std::string::npos || received_.size() < headerEnd + 4 + contentLength) {
            const ssize_t got = read(connection, buffer, sizeof buffer);
            if (got <= 0) break;
            received_.append(buffer, static_cast<std::size_t>(got));
            if (headerEnd == std::string::npos &&
                (headerEnd = received_.find("\r\n\r\n")) != std::string::npos) {
                const auto at = received_.find("Content-Length: ");
                if (at != std::string::npos) contentLength = std::stoul(received_.substr(at + 16));
            }
        }
        const std::string answer = "HTTP/1.1 " + std::to_string(status_) +
                                   " X\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok";
        if (write(connection, answer.data(), answer.size()) < 0) {
        }
        close(connection);
    }

    int status_;
    int fd_ = -1;
    int port_ = 0;
    std::thread thread_;
    std::string received_;
};

SmsMessage sample() {
    return SmsMessage{"13800000000", "123456", "register", "您的验证码是123456", 1700000000000};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(sms_sender)

BOOST_AUTO_TEST_CASE(gateway_sender_posts_the_message_as_json) {
    GatewayStub gateway(200);
    HttpGatewaySender sender(gateway.url(), "gateway-token");
    sender.send(sample());
    const std::string request = gateway.received();
    BOOST_TEST(request.rfind("POST /sms ", 0) == 0u);
    BOOST_TEST(request.find("Authorization: Bearer gateway-token") != std::string::npos);
    BOOST_TEST(request.find("\"mobile\":\"13800000000\"") != std::string::npos);
    BOOST_TEST(request.find("\"code\":\"123456\"") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(gateway_refusal_is_a_delivery_failure) {
    GatewayStub gateway(503);
    HttpGatewaySender sender(gateway.url(), "");
    BOOST_CHECK_THROW(sender.send(sample()), std::runtime_error);
}

BOOST_AUTO_TEST_CASE(unreachable_gateway_is_a_delivery_failure) {
    HttpGatewaySender sender("http://127.0.0.1:1/sms", "", 1000);
    BOOST_CHECK_THROW(sender.send(sample()), std::runtime_error);
}

BOOST_AUTO_TEST_CASE(outbox_sender_appends_one_json_line_per_message) {
    char path[] = "/tmp/mmx-outbox-XXXXXX";
    const int fd = mkstemp(path);
    close(fd);
    OutboxFileSender sender(path);
    sender.send(sample());
    sender.send(sample());
    std::ifstream in(path);
    std::string line;
    int lines = 0;
    while (std::getline(in, line)) {
        ++lines;
        BOOST_TEST(line == smsMessageJson(sample()));
    }
    BOOST_TEST(lines == 2);
    std::remove(path);
}

BOOST_AUTO_TEST_CASE(message_json_has_the_outbox_fields) {
    BOOST_TEST(smsMessageJson(sample()) ==
               "{\"mobile\":\"13800000000\",\"code\":\"123456\",\"purpose\":\"register\","
               "\"text\":\"您的验证码是123456\",\"at\":1700000000000}");
}

BOOST_AUTO_TEST_SUITE_END()
