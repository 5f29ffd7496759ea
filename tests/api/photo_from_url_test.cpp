// The avatar from a URL (user!photoFromUrl): fetched by the server from an allow-listed
// host (the test stack allows the literal 127.0.0.1, where this process serves pictures),
// and refused for any other loopback or private address, for `localhost`, for a redirect
// to one, for a body over the 3 MB cap and for what is no picture.
#define BOOST_TEST_MODULE api_photo_from_url
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <mutex>
#include <set>
#include <thread>

#include "friend_helpers.hpp"
#include "sample_images.hpp"

using namespace friendtest;

namespace {

const std::string kPhotoFromUrl = "/user/user!photoFromUrl";

int listenOn(const char* address, int port) {
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

int portOf(int fd) {
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

    static void reply(int conn, const std::string& status, const std::string& type,
                      const std::string& body) {
        const std::string head = "HTTP/1.0 " + status + "\r\nContent-Type: " + type +
                                 "\r\nContent-Length: " + std::to_string(body.size()) +
                                 "\r\nConnection: close\r\n\r\n";
        send(conn, head.data(), head.size(), MSG_NOSIGNAL);
        std::size_t sent = 0;
        while (sent < body.size()) {
            const ssize_t n = send(conn, body.data() + sent, body.size() - sent, MSG_NOSIGNAL);
            if (n <= 0) return;  // the fetcher stopped reading: what a cap does
            sent += static_cast<std::size_t>(n);
        }
    }

    int main_ = -1;
    int other_ = -1;
    int port_ = 0;
    std::atomic<bool> stop_{false};
    std::thread thread_;
    std::mutex mutex_;
    std::set<std::string> asked_;
};

std::string photoOf(const api::TestUser& u) {
    const api::Response r = call(u, "/user/user!readUser");
    MMX_REQUIRE_OK(r);
    return field(*r.data("userVO"), "userPhoto");
}

// Refused as BAD_PARAM, and the avatar is as it was.
void checkRefused(const api::TestUser& u, const std::string& url, const std::string& infoPart) {
    const std::string before = photoOf(u);
    const api::Response r = call(u, kPhotoFromUrl, {{"url", url}});
    MMX_CHECK_FAILS_WITH(r, "BAD_PARAM");
    BOOST_CHECK_MESSAGE(r.info().find(infoPart) != std::string::npos, url << ": " << r.describe());
    BOOST_CHECK_EQUAL(photoOf(u), before);
}

const std::string kForbidden = "不允许访问";

}  // namespace

BOOST_AUTO_TEST_SUITE(photo_from_url)

BOOST_AUTO_TEST_CASE(a_picture_from_an_allow_listed_host_becomes_the_avatar) {
    PictureServer server;
    const api::TestUser u = api::newUser();
    const api::Response r =
        call(u, kPhotoFromUrl, {{"url", server.url("127.0.0.1", "/avatar.png")}});
    MMX_REQUIRE_OK(r);
    const std::string stored = field(*r.data(), "userPhoto");
    BOOST_CHECK_EQUAL(photoOf(u), stored);
    // Stored as the upload check makes it: a PNG served by nginx from our own upload folder.
    const api::Response served = api::http().request("GET", stored, "", {});
    BOOST_CHECK_EQUAL(served.status, 200);
    BOOST_CHECK(served.body.substr(0, 8) == "\x89PNG\r\n\x1a\n");
    // A redirect to an allowed host is followed; the seed's quickmodifyimg names the user.
    const api::Response redirected = call(
        u, kPhotoFromUrl, {{"url", server.url("127.0.0.1", "/to-avatar")}, {"user_id", id(u)}});
    MMX_REQUIRE_OK(redirected);
    BOOST_CHECK_NE(photoOf(u), stored);
    const api::TestUser other = api::newUser();
    MMX_CHECK_FAILS_WITH(
        call(u, kPhotoFromUrl,
             {{"url", server.url("127.0.0.1", "/avatar.png")}, {"user_id", id(other)}}),
        "FORBIDDEN");
}

BOOST_AUTO_TEST_CASE(loopback_addresses_that_are_not_allow_listed_are_never_fetched) {
    PictureServer server;
    const api::TestUser u = api::newUser();
    checkRefused(u, server.url("127.0.0.2", "/forbidden.png"), kForbidden);
    checkRefused(u, server.url("localhost", "/forbidden.png"), kForbidden);
    checkRefused(u, server.url("[::ffff:127.0.0.1]", "/forbidden.png"), kForbidden);
    checkRefused(u, "http://169.254.169.254/latest/meta-data/", kForbidden);
    checkRefused(u, "http://10.0.0.1/a.png", kForbidden);
    BOOST_CHECK(!server.wasAskedFor("/forbidden.png"));
}

BOOST_AUTO_TEST_CASE(redirects_to_a_forbidden_address_are_refused) {
    PictureServer server;
    const api::TestUser u = api::newUser();
    checkRefused(u, server.url("127.0.0.1", "/to-localhost"), kForbidden);
    checkRefused(u, server.url("127.0.0.1", "/to-other-loopback"), kForbidden);
    BOOST_CHECK(server.wasAskedFor("/to-localhost"));
    BOOST_CHECK(!server.wasAskedFor("/forbidden.png"));
    checkRefused(u, server.url("127.0.0.1", "/loop"), "无法");
}

BOOST_AUTO_TEST_CASE(a_body_over_the_cap_and_a_page_are_refused) {
    PictureServer server;
    const api::TestUser u = api::newUser();
    checkRefused(u, server.url("127.0.0.1", "/huge.png"), "3M");
    checkRefused(u, server.url("127.0.0.1", "/page.png"), "格式");
    checkRefused(u, server.url("127.0.0.1", "/missing.png"), "无法");
}

BOOST_AUTO_TEST_CASE(only_http_and_https_urls_are_taken) {
    const api::TestUser u = api::newUser();
    checkRefused(u, "file:///etc/passwd", "http");
    checkRefused(u, "ftp://127.0.0.1/a.png", "http");
    checkRefused(u, "gopher://127.0.0.1:70/", "http");
    checkRefused(u, "not a url", "http");
    MMX_CHECK_FAILS_WITH(call(u, kPhotoFromUrl), "BAD_PARAM");
}

BOOST_AUTO_TEST_SUITE_END()
