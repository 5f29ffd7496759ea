#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "db/connection.hpp"

namespace mmx::db {

struct ThirdPartyBinding {
    int provider = 0;  // the login mode: 4 QQ, 5 WeChat, 6 Weibo, 7 Alipay
    std::string openId;
};

// Provider accounts bound to MMX accounts (schema/018_third_party.sql).
class ThirdPartyRepository {
  public:
    explicit ThirdPartyRepository(Connection& db) : db_(db) {}

    // The open account the provider account signs in to.
    std::optional<std::int64_t> findUser(int provider, std::string_view openId);

    // Inside the caller's transaction: a new account with the stand-in mobile, no
    // password, the provider's nickname, bound to the provider account. Throws
    // DuplicateKey when the provider account is bound already (a login racing this one).
    std::int64_t createAccount(int provider, std::string_view openId, std::string_view nickName,
                               std::int64_t now);

    // Throws DuplicateKey when the provider account is bound to any account, or the user
    // holds an account of that provider already.
    void bind(std::int64_t userId, int provider, std::string_view openId, std::int64_t now);

    // Inside the caller's transaction: locks the user's row (so two unbinds of one account
    // take turns) and answers its mobile; nullopt for no open account.
    std::optional<std::string> lockUser(std::int64_t userId);
    std::vector<ThirdPartyBinding> bindingsOf(std::int64_t userId);
    // False when the user had no account of that provider.
    bool unbind(std::int64_t userId, int provider);

  private:
    Connection& db_;
};

}  // namespace mmx::db
