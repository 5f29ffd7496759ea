#pragma once

#include <memory>

#include "adapters/background_hasher.hpp"
#include "adapters/hash_slots.hpp"
#include "adapters/sms.hpp"
#include "core/config.hpp"
#include "db/connection.hpp"

namespace mmx {

// What a worker holds for its whole life and lends to every handler.
struct Services {
    explicit Services(const Config& c)
        : config(c), db(c), hashSlots(c.runDir, c.hashConcurrency), sms(makeSmsSender(c)) {}

    Config config;
    db::Connection db;
    HashSlots hashSlots;
    BackgroundHasher hasher;
    std::unique_ptr<SmsSender> sms;
};

}  // namespace mmx
