#pragma once

#include <cstdint>
#include <initializer_list>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
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

// A statement that may be sent a second time after the connection was lost while it ran:
// it only reads, or a second run changes nothing the first did not. Declare its SQL as
// `constexpr db::Idempotent kName{"SELECT ..."}`; every other statement is sent again
// only when it cannot have reached the server (see Connection).
struct Idempotent {
    std::string_view sql;
};

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
//
// What is sent again after a lost connection (outside a transaction, once):
// - a statement whose prepare failed, or whose execute failed to be written (2006), or
//   that the client refused to send (2014): it never reached the server;
// - a connection the server closed while it was idle is noticed before anything is
//   written to it (its socket has already hung up) and reopened first;
// - a statement lost after it was sent (2013) only when it is Idempotent: it may have
//   run, and a write that ran would run twice.
// Inside a transaction nothing is sent again: the transaction is broken, and every
// statement and commit() throws ConnectionLost until it is rolled back.
class Connection {
  public:
    explicit Connection(const Config& config);
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    std::vector<Row> query(std::string_view sql, std::initializer_list<Param> params = {});
    std::optional<Row> queryOne(std::string_view sql, std::initializer_list<Param> params = {});
    ExecResult execute(std::string_view sql, std::initializer_list<Param> params = {});
    std::vector<Row> query(Idempotent statement, std::initializer_list<Param> params = {});
    std::optional<Row> queryOne(Idempotent statement, std::initializer_list<Param> params = {});
    ExecResult execute(Idempotent statement, std::initializer_list<Param> params = {});

    // Opens a transaction; one is already open (or broken and not yet rolled back) is a
    // bug and throws std::logic_error.
    void begin();
    // Commits the transaction begun on connection `generation` (see generation()).
    void commit(std::uint64_t generation);
    void rollback() noexcept;
    bool inTransaction() const { return inTransaction_; }
    // Which connection to the server this is: it grows each time one is opened, so that
    // a transaction can tell that the connection it began on is gone.
    std::uint64_t generation() const { return generation_; }

  private:
    struct Result;
    Result run(std::string_view sql, const std::vector<Param>& params, bool wantRows,
               bool idempotent);
    Result runOnce(std::string_view sql, const std::vector<Param>& params, bool wantRows,
                   bool& sent);
    MYSQL_STMT* statement(std::string_view sql);
    void connect();
    void disconnect() noexcept;
    void dropIfServerHungUp() noexcept;
    void breakTransaction() noexcept;
    void simple(const char* sql);
    [[noreturn]] void fail(unsigned number, const std::string& message);

    Config config_;
    MYSQL* mysql_ = nullptr;
    std::unordered_map<std::string, MYSQL_STMT*> statements_;
    bool inTransaction_ = false;
    bool broken_ = false;  // the open transaction's connection was lost
    std::uint64_t generation_ = 0;
};

// Rolls back unless commit() was called: a request that fails half-way changes nothing.
class Transaction {
  public:
    explicit Transaction(Connection& connection);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    void commit();
    bool committed() const { return committed_; }

  private:
    Connection& connection_;
    std::uint64_t generation_ = 0;
    bool committed_ = false;
};

// A transaction's work returned without committing: a bug, never a silent success.
class TransactionNotCommitted : public std::logic_error {
  public:
    TransactionNotCommitted() : std::logic_error("transaction work returned without commit") {}
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
// victim or its lock wait ran out. `work` must commit: one that returns without having
// committed is rolled back and throws TransactionNotCommitted. An exception rolls it
// back. After the last attempt the Deadlock propagates (the dispatcher answers
// RATE_LIMITED).
template <typename Work>
auto withTransaction(Connection& connection, Work&& work) {
    for (int attempt = 1;; ++attempt) {
        try {
            Transaction transaction(connection);
            if constexpr (std::is_void_v<decltype(work(transaction))>) {
                work(transaction);
                if (!transaction.committed()) throw TransactionNotCommitted();
                return;
            } else {
                auto result = work(transaction);
                if (!transaction.committed()) throw TransactionNotCommitted();
                return result;
            }
        } catch (const Deadlock& contention) {
            const bool waited = contention.number() == kLockWaitTimeout;
            if (attempt >= (waited ? kLockWaitAttempts : kTransactionAttempts)) throw;
        }
        backOffAfterContention(attempt);
    }
}

}  // namespace mmx::db
