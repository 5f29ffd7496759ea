// libFuzzer target: arbitrary bytes as the identity headers `client`, `uid` and
// `accessToken` (split at '\n'), read as the router and the session check read them,
// then written back into a response head as the worker writes them: whatever they
// hold, the head is only whole "name: value\r\n" lines.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "fcgi/identity_headers.hpp"
#include "fcgi/response.hpp"
#include "fcgi/router.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::vector<std::string> fields(3);
    std::size_t at = 0;
    for (std::size_t i = 0; i < size; ++i) {
        if (data[i] == '\n' && at < 2) {
            ++at;
            continue;
        }
        fields[at] += static_cast<char>(data[i]);
    }
    const std::string& client = fields[0];
    const std::string& uid = fields[1];
    const std::string& token = fields[2];

    const bool clientOk = mmx::isValidClient(client);
    if (clientOk && (client.empty() || client.size() > mmx::kMaxClientLength)) __builtin_trap();
    const mmx::PresentedSession session = mmx::readSessionHeaders(uid, token);
    if (session.state == mmx::SessionHeaders::Present &&
        (session.userId <= 0 || token.size() > 128))
        __builtin_trap();

    mmx::Response response;
    response.addHeader("client", client);
    response.addHeader("uid", uid);
    response.addHeader("accessToken", token);
    response.addHeader("expire", uid + token);
    const std::string head = mmx::responseHead(response, "OK");
    for (std::size_t i = 0; i < head.size(); ++i) {
        if (head[i] == '\r' && (i + 1 >= head.size() || head[i + 1] != '\n')) __builtin_trap();
        if (head[i] == '\n' && (i == 0 || head[i - 1] != '\r')) __builtin_trap();
    }
    if (head.find("\r\n\r\n") != head.size() - 4) __builtin_trap();
    return 0;
}
