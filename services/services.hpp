#pragma once

#include <memory>

#include "core/background_hasher.hpp"
#include "core/config.hpp"
#include "core/hash_slots.hpp"
#include "core/sms.hpp"
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
