// Prints how long one argon2id hash with the server's limits takes on this machine:
// the bound that `user!login` throughput is judged against (cores ÷ one hash's time).
#include <chrono>
#include <cstdio>

#include "core/crypto.hpp"

int main() {
    mmx::initCrypto();
    mmx::hashPassword("warm-up-password");
    constexpr int kRounds = 10;
    const auto started = std::chrono::steady_clock::now();
    for (int i = 0; i < kRounds; ++i) mmx::hashPassword("bae5e3208a3c70e3db642b6631e95b9");
    const auto elapsed =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started);
    std::printf("%.1f\n", elapsed.count() / kRounds);
    return 0;
}
