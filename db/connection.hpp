#pragma once

#include <cstdint>
#include <initializer_list>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <variant>
#include <vector>

#include "core/config.hpp"

typedef struct st_mysql MYSQL;
typedef struct st_mysql_stmt MYSQL_STMT;

namespace mmx::db {

// MariaDB failures, typed so that callers can react to what they mean.
class DbError : public std::runtime_error {
  public:
    DbError(unsigned number, const std::string& message)
        : std::runtime_error(message), number_(number) {}
    unsigned number() const { return number_; }

  private:
    unsigned number_;
};
class DuplicateKey : public DbError {
    using DbError::DbError;
};  // 1062
class ForeignKeyMissing : public DbError {
    using DbError::DbError;
};  // 1452: the row a foreign key names is not there (deleted meanwhile)
class Deadlock : public DbError {
    using DbError::DbError;
};  // 1213, 1205
class ConnectionLost : public DbError {
    using DbError::DbError;
};  // 2006, 2013, ...

using Param = std::variant<std::nullptr_t, std::int64_t, double, std::string_view>;

// One fetched row; every column arrives as text (or NULL) and is converted on read.
class Row {
  public:
    explicit Row(std::vector<std::optional<std::string>> columns) : columns_(std::move(columns)) {}

    bool isNull(std::size_t i) const { return !columns_.at(i).has_value(); }
    std::int64_t i64(std::size_t i) const;
    double f64(std::size_t i) const;
    std::string str(std::size_t i) const { return columns_.at(i).value_or(std::string()); }
    std::optional<std::string> opt(std::size_t i) const { return columns_.at(i); }
    std::optional<std::int64_t> optI64(std::size_t i) const;

  private:
    std::vector<std::optional<std::string>> columns_;
};

struct ExecResult {
    std::uint64_t affectedRows = 0;
    std::uint64_t insertId = 0;
};

// The worker's one MariaDB connection. Every statement is prepared once and kept;
// a connection lost between requests is reopened and its statements prepared again.
class Connection {
  public:
    explicit Connection(const Config& config);
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    std::vector<Row> query(std::string_view sql, std::initializer_list<Param> params = {});
    std::optional<Row> queryOne(std::string_view sql, std::initializer_list<Param> params = {});
    ExecResult execute(std::string_view sql, std::initializer_list<Param> params = {});

    void begin();
    void commit();
    void rollback() noexcept;
    bool inTransaction() const { return inTransaction_; }

  private:
    struct Result;
    Result run(std::string_view sql, const std::vector<Param>& params, bool wantRows);
    Result runOnce(std::string_view sql, const std::vector<Param>& params, bool wantRows);
    MYSQL_STMT* statement(std::string_view sql);
    void connect();
    void disconnect() noexcept;
    void simple(const char* sql);
    [[noreturn]] void fail(unsigned number, const std::string& message);

    Config config_;
    MYSQL* mysql_ = nullptr;
    std::unordered_map<std::string, MYSQL_STMT*> statements_;
    bool inTransaction_ = false;
};

// Rolls back unless commit() was called: a request that fails half-way changes nothing.
class Transaction {
  public:
    explicit Transaction(Connection& connection);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    void commit();

  private:
    Connection& connection_;
    bool done_ = false;
};

// How many times a transaction runs before its contention is handed to the caller.
inline constexpr int kTransactionAttempts = 5;
// A lock wait has already cost innodb_lock_wait_timeout (10 s): one more try only.
inline constexpr int kLockWaitAttempts = 2;
inline constexpr unsigned kLockWaitTimeout = 1205;

// Waits before the next attempt of a transaction that lost a deadlock or a lock wait:
// a few milliseconds, doubling with each attempt, at a random point of that span so
// that the transactions that collided do not collide again in step.
void backOffAfterContention(int attempt);

// Runs `work(Transaction&)` and retries it, whole, when MariaDB picked it as a deadlock
// victim or its lock wait ran out. `work` must commit; an exception rolls it back. After
// the last attempt the Deadlock propagates (the dispatcher answers RATE_LIMITED).
template <typename Work>
auto withTransaction(Connection& connection, Work&& work) {
    for (int attempt = 1;; ++attempt) {
        try {
            Transaction transaction(connection);
            return work(transaction);
        } catch (const Deadlock& contention) {
            const bool waited = contention.number() == kLockWaitTimeout;
            if (attempt >= (waited ? kLockWaitAttempts : kTransactionAttempts)) throw;
        }
        backOffAfterContention(attempt);
    }
}

}  // namespace mmx::db
