#pragma once

// Included once by each suite's single source file, after it defines
// BOOST_TEST_MODULE. Brings Boost.Test (shared library), the harness, and the
// assertions every suite uses to judge an answer.

#ifndef BOOST_TEST_DYN_LINK
#define BOOST_TEST_DYN_LINK
#endif
#include <boost/test/unit_test.hpp>
#include <string>

#include "stack.hpp"

namespace api = mmx::apitest;

// Every suite first makes sure the stack answers at all.
using StackReachable = mmx::apitest::StackReachable;
BOOST_TEST_GLOBAL_FIXTURE(StackReachable);

// The answer has this HTTP status and envelope code, and is a well-formed envelope.
#define MMX_CHECK_ANSWER(response, httpStatus, expectedCode)                               \
    do {                                                                                   \
        const ::mmx::apitest::Response& mmxAnswer_ = (response);                           \
        BOOST_CHECK_MESSAGE(                                                               \
            mmxAnswer_.status == (httpStatus) && mmxAnswer_.code() == (expectedCode),      \
            "expected HTTP " << (httpStatus) << " " << (expectedCode) << ", got "          \
                             << mmxAnswer_.describe());                                    \
        const std::string mmxProblems_ = ::mmx::apitest::envelopeProblems(mmxAnswer_);     \
        BOOST_CHECK_MESSAGE(mmxProblems_.empty(), "malformed envelope: " << mmxProblems_); \
    } while (0)

// As MMX_CHECK_ANSWER, but the test stops when status or code differ.
#define MMX_REQUIRE_ANSWER(response, httpStatus, expectedCode)                             \
    do {                                                                                   \
        const ::mmx::apitest::Response& mmxAnswer_ = (response);                           \
        BOOST_REQUIRE_MESSAGE(                                                             \
            mmxAnswer_.status == (httpStatus) && mmxAnswer_.code() == (expectedCode),      \
            "expected HTTP " << (httpStatus) << " " << (expectedCode) << ", got "          \
                             << mmxAnswer_.describe());                                    \
        const std::string mmxProblems_ = ::mmx::apitest::envelopeProblems(mmxAnswer_);     \
        BOOST_CHECK_MESSAGE(mmxProblems_.empty(), "malformed envelope: " << mmxProblems_); \
    } while (0)

#define MMX_CHECK_OK(response) MMX_CHECK_ANSWER(response, 200, "OK")
#define MMX_REQUIRE_OK(response) MMX_REQUIRE_ANSWER(response, 200, "OK")

// A business failure: HTTP 200 with this code.
#define MMX_CHECK_FAILS_WITH(response, expectedCode) MMX_CHECK_ANSWER(response, 200, expectedCode)

// The answer is a well-formed envelope with this status and not a success;
// for inputs where several refusal codes are reasonable.
#define MMX_CHECK_REFUSED(response, httpStatus)                                                    \
    do {                                                                                           \
        const ::mmx::apitest::Response& mmxAnswer_ = (response);                                   \
        BOOST_CHECK_MESSAGE(                                                                       \
            mmxAnswer_.status == (httpStatus) && !mmxAnswer_.success(),                            \
            "expected a refusal with HTTP " << (httpStatus) << ", got " << mmxAnswer_.describe()); \
        const std::string mmxProblems_ = ::mmx::apitest::envelopeProblems(mmxAnswer_);             \
        BOOST_CHECK_MESSAGE(mmxProblems_.empty(), "malformed envelope: " << mmxProblems_);         \
    } while (0)
