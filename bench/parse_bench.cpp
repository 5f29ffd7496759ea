// The cost of parsing request bodies shaped against the parsers, at 100 KB and at
// 3 MB: ns per byte for each and their ratio. Linear parsing keeps the ratio near 1;
// the run fails (exit 1) when a 3 MB body costs more than twice as much per byte as
// a 100 KB one. The parsers' own cost is measured even on shapes that a worker's
// limits stop early: urlencoded shapes through parseUrlencoded with a sink that keeps
// nothing, multipart and JSON shapes through parseFormData with the limits lifted. A second table
// gives the whole parse with the worker's default limits, as a request meets it.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <limits>
#include <string>
#include <vector>

#include "core/api_error.hpp"
#include "fcgi/form.hpp"
#include "fcgi/json_members.hpp"
#include "fcgi/urlencoded.hpp"

namespace {

constexpr std::size_t kSmall = 100 * 1024;
constexpr std::size_t kLarge = 3 * 1024 * 1024;
constexpr double kMaxRatio = 2.0;

struct Shape {
    const char* name;
    const char* contentType;
    std::function<std::string(std::size_t)> make;
};

std::string repeated(const std::string& unit, std::size_t bytes) {
    std::string text;
    text.reserve(bytes + unit.size());
    while (text.size() < bytes) text += unit;
    return text;
}

std::string part(const std::string& boundary, const std::string& value) {
    return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n" + value +
           "\r\n";
}

bool isUrlencoded(const Shape& shape) {
    return std::string(shape.contentType) == "application/x-www-form-urlencoded";
}

bool isJson(const Shape& shape) {
    return std::string(shape.contentType) == "application/json";
}

// One parse of `body`: the parser alone (`own`) or the whole parse under the defaults.
std::size_t parseOnce(const Shape& shape, const std::string& body, bool own) {
    if (own && isUrlencoded(shape)) {
        std::size_t bytes = 0;
        mmx::parseUrlencoded(body, [&bytes](std::string&& name, std::string&& value) {
            bytes += name.size() + value.size();
        });
        return bytes;
    }
    if (own && isJson(shape)) {
        std::size_t bytes = 0;
        try {
            mmx::parseJsonMembers(body, [&bytes](std::string&& name, std::string&& value) {
                bytes += name.size() + value.size();
            });
        } catch (const mmx::ApiError&) {
        }
        return bytes;
    }
    mmx::FormLimits limits;
    if (own) {
        limits.maxParams = std::numeric_limits<std::size_t>::max();
        limits.maxRepeats = std::numeric_limits<std::size_t>::max();
        limits.maxBodyBytes = std::numeric_limits<std::size_t>::max();
    }
    mmx::Request request;
    try {
        mmx::parseFormData(shape.contentType, body, "", request, limits);
    } catch (const mmx::ApiError&) {
    }
    return request.params.size();
}

// The best of several timed runs, each parsing enough copies to take a few ms.
double nanosPerByte(const Shape& shape, const std::string& body, bool own) {
    const std::size_t copies = std::max<std::size_t>(1, (4 * 1024 * 1024) / body.size());
    double best = std::numeric_limits<double>::max();
    std::size_t sink = 0;
    for (int run = 0; run < 5; ++run) {
        const auto start = std::chrono::steady_clock::now();
        for (std::size_t i = 0; i < copies; ++i) sink += parseOnce(shape, body, own);
        const std::chrono::duration<double, std::nano> spent =
            std::chrono::steady_clock::now() - start;
        best = std::min(best, spent.count() / static_cast<double>(copies * body.size()));
    }
    if (sink == 0) std::printf("%s", "");  // keeps the parse from being optimised away
    return best;
}

}  // namespace

int main() {
    const char* form = "application/x-www-form-urlencoded";
    const char* json = "application/json";
    const std::string boundary = std::string(68, '-') + "ab";
    const std::string multipart = "multipart/form-data; boundary=" + boundary;
    const std::vector<Shape> shapes{
        {"run of &", form, [](std::size_t n) { return repeated("&", n); }},
        {"run of =", form, [](std::size_t n) { return repeated("=", n); }},
        {"run of %", form, [](std::size_t n) { return repeated("%", n); }},
        {"run of +", form, [](std::size_t n) { return repeated("+", n); }},
        {"run of &=", form, [](std::size_t n) { return repeated("&=", n); }},
        {"one huge key", form, [](std::size_t n) { return repeated("k", n) + "=1"; }},
        {"one huge value", form, [](std::size_t n) { return "v=" + repeated("%41", n); }},
        {"tiny parameters (a=1&)", form, [](std::size_t n) { return repeated("a=1&", n); }},
        {"many multipart parts", multipart.c_str(),
         [&](std::size_t n) {
             return repeated(part(boundary, "1"), n) + "--" + boundary + "--\r\n";
         }},
        {"nested JSON brackets", json, [](std::size_t n) { return repeated("[", n); }},
        {"JSON object, many members", json,
         [](std::size_t n) {
             std::string body = "{";
             for (std::size_t i = 0; body.size() < n; ++i) {
                 body += "\"a" + std::to_string(i) + "\":1,";
             }
             body.back() = '}';
             return body;
         }},
        {"one huge JSON string", json,
         [](std::size_t n) { return "{\"v\":\"" + repeated("A", n) + "\"}"; }},
        {"boundary repeated inside a part", multipart.c_str(),
         [&](std::size_t n) {
             return part(boundary, repeated("--" + boundary + "\r", n)) + "--" + boundary +
                    "--\r\n";
         }},
    };
    bool linear = true;
    for (const bool own : {true, false}) {
        std::printf("\n%s\n%-34s %12s %12s %8s\n",
                    own ? "the parser's own cost (limits lifted)"
                        : "the whole parse with the default limits (1000 parameters, 500 repeats)",
                    "shape", "100 KB ns/B", "3 MB ns/B", "ratio");
        for (const Shape& shape : shapes) {
            const double small = nanosPerByte(shape, shape.make(kSmall), own);
            const double large = nanosPerByte(shape, shape.make(kLarge), own);
            const double ratio = large / small;
            linear = linear && ratio <= kMaxRatio;
            std::printf("%-34s %12.2f %12.2f %8.2f%s\n", shape.name, small, large, ratio,
                        ratio <= kMaxRatio ? "" : "  NOT LINEAR");
        }
    }
    std::printf("%s: every 3 MB shape within %.0fx of its 100 KB cost per byte\n",
                linear ? "PASS" : "FAIL", kMaxRatio);
    return linear ? 0 : 1;
}
