#include "db/connection.hpp"

#include <errmsg.h>
#include <mysql.h>
#include <mysqld_error.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstring>
#include <iostream>
#include <random>
#include <thread>

namespace mmx::db {
namespace {

constexpr unsigned long kInlineColumnBytes = 256;

bool isConnectionLoss(unsigned number) {
    switch (number) {
        case CR_SERVER_GONE_ERROR:
        case CR_SERVER_LOST:
        case CR_SERVER_LOST_EXTENDED:
        case CR_CONNECTION_ERROR:
        case CR_CONN_HOST_ERROR:
        case ER_CONNECTION_KILLED:
        case ER_SERVER_SHUTDOWN:
        case 4031:  // ER_CLIENT_INTERACTION_TIMEOUT: the server dropped an idle connection
            return true;
        default:
            return false;
    }
}

}  // namespace

std::int64_t Row::i64(std::size_t i) const {
    const auto value = optI64(i);
    if (!value) throw std::runtime_error("column " + std::to_string(i) + " is not an integer");
    return *value;
}

std::optional<std::int64_t> Row::optI64(std::size_t i) const {
    const auto& column = columns_.at(i);
    if (!column) return std::nullopt;
    std::int64_t value = 0;
    const auto [end, error] =
        std::from_chars(column->data(), column->data() + column->size(), value);
    if (error != std::errc() || end != column->data() + column->size()) return std::nullopt;
    return value;
}

double Row::f64(std::size_t i) const {
    return std::stod(columns_.at(i).value_or("0"));
}

struct Connection::Result {
    std::vector<Row> rows;
    ExecResult exec;
};

Connection::Connection(const Config& config) : config_(config) {}

Connection::~Connection() {
    disconnect();
}

void Connection::fail(unsigned number, const std::string& message) {
    if (number == ER_DUP_ENTRY) throw DuplicateKey(number, message);
    if (number == ER_NO_REFERENCED_ROW_2) throw ForeignKeyMissing(number, message);
    if (number == ER_LOCK_DEADLOCK || number == ER_LOCK_WAIT_TIMEOUT)
        throw Deadlock(number, message);
    if (isConnectionLoss(number)) throw ConnectionLost(number, message);
    throw DbError(number, message);
}

void Connection::connect() {
    mysql_ = mysql_init(nullptr);
    if (mysql_ == nullptr) throw DbError(0, "mysql_init failed");
    const unsigned connectTimeout = 3;
    const unsigned ioTimeout = 30;
    mysql_optionsv(mysql_, MYSQL_SET_CHARSET_NAME, "utf8mb4");
    mysql_optionsv(mysql_, MYSQL_OPT_CONNECT_TIMEOUT, &connectTimeout);
    mysql_optionsv(mysql_, MYSQL_OPT_READ_TIMEOUT, &ioTimeout);
    mysql_optionsv(mysql_, MYSQL_OPT_WRITE_TIMEOUT, &ioTimeout);
    // A lock wait must end (error 1205, retried as a deadlock) well before the read
    // timeout would make it look like a lost connection.
    mysql_optionsv(mysql_, MYSQL_INIT_COMMAND,
                   "SET SESSION time_zone = '+00:00', innodb_lock_wait_timeout = 10");
    const bool useSocket = !config_.dbSocket.empty();
    if (mysql_real_connect(mysql_, useSocket ? nullptr : config_.dbHost.c_str(),
                           config_.dbUser.c_str(), config_.dbPassword.c_str(),
                           config_.dbName.c_str(), useSocket ? 0 : config_.dbPort,
                           useSocket ? config_.dbSocket.c_str() : nullptr, 0) == nullptr) {
        const unsigned number = mysql_errno(mysql_);
        const std::string message = mysql_error(mysql_);
        mysql_close(mysql_);
        mysql_ = nullptr;
        // Any failure to connect is a lost connection to the caller: try again later.
        throw ConnectionLost(number, "connect: " + message);
    }
}

void Connection::disconnect() noexcept {
    for (auto& [sql, stmt] : statements_) mysql_stmt_close(stmt);
    statements_.clear();
    if (mysql_ != nullptr) mysql_close(mysql_);
    mysql_ = nullptr;
    inTransaction_ = false;
}

MYSQL_STMT* Connection::statement(std::string_view sql) {
    if (mysql_ == nullptr) connect();
    const std::string key(sql);
    if (const auto found = statements_.find(key); found != statements_.end()) return found->second;
    MYSQL_STMT* stmt = mysql_stmt_init(mysql_);
    if (stmt == nullptr) fail(mysql_errno(mysql_), mysql_error(mysql_));
    if (mysql_stmt_prepare(stmt, sql.data(), sql.size()) != 0) {
        const unsigned number = mysql_stmt_errno(stmt);
        const std::string message = mysql_stmt_error(stmt);
        mysql_stmt_close(stmt);
        fail(number, message);
    }
    statements_.emplace(key, stmt);
    return stmt;
}

Connection::Result Connection::run(std::string_view sql, const std::vector<Param>& params,
                                   bool wantRows) {
    try {
        return runOnce(sql, params, wantRows);
    } catch (const ConnectionLost& lost) {
        const bool wasInTransaction = inTransaction_;
        disconnect();
        // Inside a transaction the work so far is gone with the connection: the caller
        // must fail. Outside one, a single statement is safe to send again.
        if (wasInTransaction) throw;
        std::cerr << "database connection lost (" << lost.number() << "), reconnecting"
                  << std::endl;
        return runOnce(sql, params, wantRows);
    }
}

Connection::Result Connection::runOnce(std::string_view sql, const std::vector<Param>& params,
                                       bool wantRows) {
    MYSQL_STMT* stmt = statement(sql);
    if (mysql_stmt_param_count(stmt) != params.size()) {
        throw DbError(0, "parameter count mismatch for: " + std::string(sql));
    }

    std::vector<MYSQL_BIND> binds(params.size());
    std::vector<long long> ints(params.size());
    std::vector<double> doubles(params.size());
    for (std::size_t i = 0; i < params.size(); ++i) {
        MYSQL_BIND& b = binds[i];
        if (std::holds_alternative<std::nullptr_t>(params[i])) {
            b.buffer_type = MYSQL_TYPE_NULL;
        } else if (const auto* n = std::get_if<std::int64_t>(&params[i])) {
            ints[i] = *n;
            b.buffer_type = MYSQL_TYPE_LONGLONG;
            b.buffer = &ints[i];
        } else if (const auto* d = std::get_if<double>(&params[i])) {
            doubles[i] = *d;
            b.buffer_type = MYSQL_TYPE_DOUBLE;
            b.buffer = &doubles[i];
        } else {
            const auto& s = std::get<std::string_view>(params[i]);
            b.buffer_type = MYSQL_TYPE_STRING;
            b.buffer = const_cast<char*>(s.data());
            b.buffer_length = s.size();
        }
    }
    if (!binds.empty() && mysql_stmt_bind_param(stmt, binds.data()) != 0) {
        fail(mysql_stmt_errno(stmt), mysql_stmt_error(stmt));
    }
    if (mysql_stmt_execute(stmt) != 0) fail(mysql_stmt_errno(stmt), mysql_stmt_error(stmt));

    Result result;
    result.exec.affectedRows = mysql_stmt_affected_rows(stmt);
    result.exec.insertId = mysql_stmt_insert_id(stmt);

    MYSQL_RES* meta = mysql_stmt_result_metadata(stmt);
    if (meta == nullptr) return result;
    const unsigned columns = mysql_num_fields(meta);
    mysql_free_result(meta);

    std::vector<MYSQL_BIND> out(columns);
    std::vector<std::string> buffers(columns, std::string(kInlineColumnBytes, '\0'));
    std::vector<unsigned long> lengths(columns);
    std::vector<my_bool> nulls(columns);
    std::vector<my_bool> errors(columns);
    for (unsigned i = 0; i < columns; ++i) {
        out[i].buffer_type = MYSQL_TYPE_STRING;
        out[i].buffer = buffers[i].data();
        out[i].buffer_length = kInlineColumnBytes;
        out[i].length = &lengths[i];
        out[i].is_null = &nulls[i];
        out[i].error = &errors[i];
    }
    if (mysql_stmt_bind_result(stmt, out.data()) != 0) {
        mysql_stmt_free_result(stmt);
        fail(mysql_stmt_errno(stmt), mysql_stmt_error(stmt));
    }
    int status;
    while ((status = mysql_stmt_fetch(stmt)) == 0 || status == MYSQL_DATA_TRUNCATED) {
        std::vector<std::optional<std::string>> row(columns);
        for (unsigned i = 0; i < columns; ++i) {
            if (nulls[i]) continue;
            if (lengths[i] <= kInlineColumnBytes) {
                row[i].emplace(buffers[i].data(), lengths[i]);
                continue;
            }
            std::string whole(lengths[i], '\0');
            MYSQL_BIND column{};
            column.buffer_type = MYSQL_TYPE_STRING;
            column.buffer = whole.data();
            column.buffer_length = whole.size();
            mysql_stmt_fetch_column(stmt, &column, i, 0);
            row[i] = std::move(whole);
        }
        if (wantRows) result.rows.emplace_back(std::move(row));
    }
    if (status == 1) {
        unsigned number = mysql_stmt_errno(stmt);
        std::string message = mysql_stmt_error(stmt);
        // A locking read that waits sends its error after the result's metadata: the
        // client library may leave it on the connection rather than the statement, and a
        // deadlock must still be known as one (and retried).
        if (number == 0) {
            number = mysql_errno(mysql_);
            message = mysql_error(mysql_);
        }
        mysql_stmt_free_result(stmt);
        fail(number, message);
    }
    mysql_stmt_free_result(stmt);
    return result;
}

std::vector<Row> Connection::query(std::string_view sql, std::initializer_list<Param> params) {
    return run(sql, std::vector<Param>(params), true).rows;
}

std::optional<Row> Connection::queryOne(std::string_view sql, std::initializer_list<Param> params) {
    auto rows = query(sql, params);
    if (rows.empty()) return std::nullopt;
    return std::move(rows.front());
}

ExecResult Connection::execute(std::string_view sql, std::initializer_list<Param> params) {
    return run(sql, std::vector<Param>(params), false).exec;
}

void Connection::simple(const char* sql) {
    if (mysql_ == nullptr) connect();
    if (mysql_real_query(mysql_, sql, std::strlen(sql)) != 0)
        fail(mysql_errno(mysql_), mysql_error(mysql_));
}

void Connection::begin() {
    try {
        simple("START TRANSACTION");
    } catch (const ConnectionLost&) {
        disconnect();
        simple("START TRANSACTION");
    }
    inTransaction_ = true;
}

void Connection::commit() {
    inTransaction_ = false;
    if (mysql_ == nullptr) throw ConnectionLost(CR_SERVER_LOST, "commit without a connection");
    if (mysql_commit(mysql_) != 0) {
        const unsigned number = mysql_errno(mysql_);
        const std::string message = mysql_error(mysql_);
        if (isConnectionLoss(number)) disconnect();
        fail(number, message);
    }
}

void Connection::rollback() noexcept {
    inTransaction_ = false;
    if (mysql_ != nullptr && mysql_rollback(mysql_) != 0 && isConnectionLoss(mysql_errno(mysql_))) {
        disconnect();
    }
}

void backOffAfterContention(int attempt) {
    // 2, 4, 8, 16 ms spans: at most 30 ms of waiting in all, well inside a request.
    thread_local std::minstd_rand random{std::random_device{}()};
    const int spanMicros = 2000 << std::min(attempt - 1, 4);
    std::uniform_int_distribution<int> pick(spanMicros / 2, spanMicros);
    std::this_thread::sleep_for(std::chrono::microseconds(pick(random)));
}

Transaction::Transaction(Connection& connection) : connection_(connection) {
    connection_.begin();
}

Transaction::~Transaction() {
    if (!done_) connection_.rollback();
}

void Transaction::commit() {
    done_ = true;
    connection_.commit();
}

}  // namespace mmx::db
