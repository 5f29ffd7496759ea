#pragma once

// A tiny HTTP/1.0 server in the test process, on 127.0.0.1 (allow-listed for fetches in the
// test stacks) and 127.0.0.2 (not), for the routes that fetch a picture by URL. Paths:
// /avatar.png and /forbidden.png a real PNG; /picture.bmp a real BMP (stored as a PNG once
// re-encoded); /to-avatar a redirect to /avatar.png;
// /to-localhost and /to-other-loopback redirects to /forbidden.png on a refused host;
// /loop a redirect to itself; /huge.png and /huge-unsized.png 4 MB (with and without
// Content-Length); /page.png a page that calls itself a PNG; anything else 404.

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cstdint>
#include <mutex>
#include <set>
#include <string>
#include <thread>

#include "api_test.hpp"
#include "sample_images.hpp"

namespace picturetest {

inline int listenOn(const char* address, int port) {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    BOOST_REQUIRE(fd >= 0);
    const int on = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
    sockaddr_in at{};
    at.sin_family = AF_INET;
    at.sin_port = htons(static_cast<std::uint16_t>(port));
    inet_pton(AF_INET, address, &at.sin_addr);
    BOOST_REQUIRE_MESSAGE(bind(fd, reinterpret_cast<sockaddr*>(&at), sizeof at) == 0,
                          "cannot bind " << address);
    BOOST_REQUIRE(listen(fd, 16) == 0);
    return fd;
}

inline int portOf(int fd) {
    sockaddr_in at{};
    socklen_t size = sizeof at;
    getsockname(fd, reinterpret_cast<sockaddr*>(&at), &size);
    return ntohs(at.sin_port);
}

// A tiny HTTP/1.0 server on 127.0.0.1 and 127.0.0.2 (one port), one connection at a time,
// recording every path it was asked for.
class PictureServer {
  public:
    PictureServer() {
        main_ = listenOn("127.0.0.1", 0);
        port_ = portOf(main_);
        other_ = listenOn("127.0.0.2", port_);
        thread_ = std::thread([this] { serve(); });
    }
    ~PictureServer() {
        stop_ = true;
        thread_.join();
        close(main_);
        close(other_);
    }
    std::string url(const std::string& host, const std::string& path) const {
        return "http://" + host + ":" + std::to_string(port_) + path;
    }
    bool wasAskedFor(const std::string& path) {
        std::lock_guard lock(mutex_);
        return asked_.count(path) > 0;
    }

  private:
    void serve() {
        while (!stop_) {
            pollfd fds[2] = {{main_, POLLIN, 0}, {other_, POLLIN, 0}};
            if (poll(fds, 2, 50) <= 0) continue;
            for (const auto& p : fds) {
                if (!(p.revents & POLLIN)) continue;
                const int conn = accept(p.fd, nullptr, nullptr);
                if (conn < 0) continue;
                answer(conn);
                close(conn);
            }
        }
    }

    void answer(int conn) {
        std::string request;
        char buffer[4096];
        while (request.find("\r\n\r\n") == std::string::npos && request.size() < 65536) {
            const ssize_t n = recv(conn, buffer, sizeof buffer, 0);
            if (n <= 0) return;
            request.append(buffer, static_cast<std::size_t>(n));
        }
        const std::size_t start = request.find(' ') + 1;
        const std::string path = request.substr(start, request.find(' ', start) - start);
        {
            std::lock_guard lock(mutex_);
            asked_.insert(path);
        }
        if (path == "/avatar.png" || path == "/forbidden.png") {
            reply(conn, "200 OK", "image/png", mmx::apitest::images::png());
        } else if (path == "/picture.bmp") {
            reply(conn, "200 OK", "image/bmp", mmx::apitest::images::bmp());
        } else if (path == "/to-localhost") {
            redirect(conn, url("localhost", "/forbidden.png"));
        } else if (path == "/to-other-loopback") {
            redirect(conn, url("127.0.0.2", "/forbidden.png"));
        } else if (path == "/to-avatar") {
            redirect(conn, url("127.0.0.1", "/avatar.png"));
        } else if (path == "/loop") {
            redirect(conn, url("127.0.0.1", "/loop"));
        } else if (path == "/huge.png") {
            // A real PNG's start, then more than the 3 MB cap.
            std::string body = mmx::apitest::images::png();
            body.resize(4 * 1024 * 1024, '\0');
            reply(conn, "200 OK", "image/png", body);
        } else if (path == "/huge-unsized.png") {
            // The same without Content-Length: only counting the bytes stops it.
            std::string body = mmx::apitest::images::png();
            body.resize(4 * 1024 * 1024, '\0');
            replyUnsized(conn, body);
        } else if (path == "/page.png") {
            reply(conn, "200 OK", "image/png", "<html><script>alert(1)</script></html>");
        } else {
            reply(conn, "404 Not Found", "text/plain", "no");
        }
    }

    static void redirect(int conn, const std::string& location) {
        const std::string head = "HTTP/1.0 302 Found\r\nLocation: " + location +
                                 "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
        send(conn, head.data(), head.size(), MSG_NOSIGNAL);
    }

    static void replyUnsized(int conn, const std::string& body) {
        const std::string head =
            "HTTP/1.0 200 OK\r\nContent-Type: image/png\r\nConnection: close\r\n\r\n";
        send(conn, head.data(), head.size(), MSG_NOSIGNAL);
        sendAll(conn, body);
    }

    static void sendAll(int conn, const std::string& body) {
        std::size_t sent = 0;
        while (sent < body.size()) {
            const ssize_t n = send(conn, body.data() + sent, body.size() - sent, MSG_NOSIGNAL);
            if (n <= 0) return;  // the fetcher stopped reading: what a cap does
            sent += static_cast<std::size_t>(n);
        }
    }

    static void reply(int conn, const std::string& status, const std::string& type,
                      const std::string& body) {
        const std::string head = "HTTP/1.0 " + status + "\r\nContent-Type: " + type +
                                 "\r\nContent-Length: " + std::to_string(body.size()) +
                                 "\r\nConnection: close\r\n\r\n";
        send(conn, head.data(), head.size(), MSG_NOSIGNAL);
        sendAll(conn, body);
    }

    int main_ = -1;
    int other_ = -1;
    int port_ = 0;
    std::atomic<bool> stop_{false};
    std::thread thread_;
    std::mutex mutex_;
    std::set<std::string> asked_;
};

}  // namespace picturetest
