// A code the SMS sender cannot deliver: the phone is told, and may ask again at once.
// The test stack's sender appends to the outbox file; this suite makes that file
// unwritable (a directory in its place), so it runs on the fault stack, alone.
#define BOOST_TEST_MODULE api_sms_delivery
#include <filesystem>

#include "api_test.hpp"

namespace {

const std::string kSendRegisterCode = "/user/user!sendRegisterCode";
const std::string kSendResetCode = "/user/user!sendValidateCodeByRetreve";
const std::string kRegister = "/user/user!register";

api::Response post(const std::string& path, const api::Params& form) {
    return api::http().post(path, form, api::clientHeader(api::uniqueClient()));
}

// While it lives, the outbox cannot be written: every delivery fails.
class OutboxUnwritable {
  public:
    OutboxUnwritable()
        : outbox_(api::stackEnv().varDir + "/sms-outbox.jsonl"), kept_(outbox_ + ".kept") {
        if (std::filesystem::exists(outbox_)) std::filesystem::rename(outbox_, kept_);
        std::filesystem::create_directory(outbox_);
    }
    ~OutboxUnwritable() {
        std::filesystem::remove_all(outbox_);
        if (std::filesystem::exists(kept_)) std::filesystem::rename(kept_, outbox_);
    }

  private:
    std::string outbox_;
    std::string kept_;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(sms_delivery)

BOOST_AUTO_TEST_CASE(a_failed_delivery_says_so_and_the_phone_may_ask_again_at_once) {
    const std::string mobile = api::uniqueMobile();
    {
        const OutboxUnwritable broken;
        const auto failed = post(kSendRegisterCode, {{"userVO.userMobile", mobile}});
        MMX_CHECK_ANSWER(failed, 500, "SERVER_ERROR");
        BOOST_TEST(failed.info() == "短信发送失败，请稍后再试");
    }
    // Not within the 60 s interval any more: the failed send was given back.
    MMX_REQUIRE_OK(post(kSendRegisterCode, {{"userVO.userMobile", mobile}}));
    const std::string code = api::lastSmsCode(mobile, "register");
    MMX_CHECK_OK(post(kRegister, {{"userVO.userMobile", mobile},
                                  {"userVO.password", api::uniquePassword()},
                                  {"telSecurityCode", code}}));
}

BOOST_AUTO_TEST_CASE(a_failed_reset_code_delivery_says_so_and_the_owner_may_ask_again_at_once) {
    const api::TestUser owner = api::newUser();
    api::ageLastSms(owner.mobile);  // its registration code is past the interval
    {
        const OutboxUnwritable broken;
        const auto failed = post(kSendResetCode, {{"userVO.userMobile", owner.mobile}});
        MMX_CHECK_ANSWER(failed, 500, "SERVER_ERROR");
        BOOST_TEST(failed.info() == "短信发送失败，请稍后再试");
    }
    MMX_CHECK_OK(post(kSendResetCode, {{"userVO.userMobile", owner.mobile}}));
    BOOST_TEST(api::smsMessages(owner.mobile, "reset").size() == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
