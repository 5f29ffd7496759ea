#pragma once

// Keeps every JSON answer the API tests receive, so that the contract check
// (tests/contract) can validate them against docs/openapi.yaml after the suites.

#include <string>

#include "http_client.hpp"

namespace mmx::apitest {

// When MMX_TEST_VAR is set, appends {"method","path","status","body"} as one JSON line
// to $MMX_TEST_VAR/recorded/<pid>.jsonl. The path loses its query; request bodies and
// headers (passwords, tokens) are never written. Answers that are not JSON are skipped.
void recordExchange(const std::string& method, const std::string& url, const Response& response);

}  // namespace mmx::apitest
