#pragma once

// Places in db/connection.cpp where a test makes happen a fault that no real server
// produces on demand. Compiled in only with MMX_DB_FAILPOINTS, which only the
// db_fault_tests executable sets (tests/db/CMakeLists.txt): the server never has them.
#include <functional>

namespace mmx::db::failpoints {

// Runs after each row a statement fetches, before the next one is read.
inline std::function<void()> afterFetchingRow;

}  // namespace mmx::db::failpoints
