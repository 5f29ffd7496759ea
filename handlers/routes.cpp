#include "handlers/routes.hpp"

#include "handlers/address.hpp"
#include "handlers/app_version.hpp"
#include "handlers/chat_media.hpp"
#include "handlers/chat_message.hpp"
#include "handlers/chat_picture.hpp"
#include "handlers/collections.hpp"
#include "handlers/feedback.hpp"
#include "handlers/friend.hpp"
#include "handlers/group.hpp"
#include "handlers/manager.hpp"
#include "handlers/setting.hpp"
#include "handlers/shop.hpp"
#include "handlers/system.hpp"
#include "handlers/user.hpp"
#include "handlers/user_kinds.hpp"
#include "handlers/user_life.hpp"
#include "handlers/user_search.hpp"
#include "handlers/user_third.hpp"

namespace mmx {
namespace {

using ServiceHandler = Response (*)(Services&, const Request&);

Handler bind(Services& services, ServiceHandler handler) {
    return [&services, handler](const Request& request) { return handler(services, request); };
}

}  // namespace

RouteTable buildRoutes(Services& s) {
    using enum Methods;
    using enum Access;
    RouteTable routes;
    // clang-format off
    routes.add({"/app/system!ping",                      GetOrPost, Open,   system::ping});

    routes.add({"/user/user!login",                      Post,      Client, bind(s, user::login)});
    routes.add({"/user/user!sendRegisterCode",           Post,      Client, bind(s, user::sendRegisterCode)});
    routes.add({"/user/user!register",                   Post,      Client, bind(s, user::registerUser)});
    routes.add({"/user/user!sendValidateCodeByRetreve",  Post,      Client, bind(s, user::sendValidateCodeByRetreve)});
    routes.add({"/user/user!noLoginUpdatePassword",      Post,      Client, bind(s, user::noLoginUpdatePassword)});
    routes.add({"/user/user!updatePassword",             Post,      User,   bind(s, user::updatePassword)});
    routes.add({"/user/user!signOut",                    Post,      User,   bind(s, user::signOut)});
    routes.add({"/user/user!readUser",                   GetOrPost, User,   bind(s, user::readUser)});
    routes.add({"/user/user!updateUser",                 Post,      User,   bind(s, user::updateUser)});
    routes.add({"/user/user!uploadPhoto",                Post,      User,   bind(s, user::uploadPhoto)});

    routes.add({"/user/user!readUsers",                  GetOrPost, User,   bind(s, user::readUsers)});
    routes.add({"/user/user!search",                     GetOrPost, User,   bind(s, user::search)});
    routes.add({"/user/user!selectPhones",               Post,      User,   bind(s, user::selectPhones)});
    routes.add({"/user/setting!friendPolicy",            GetOrPost, User,   bind(s, setting::friendPolicy)});
    routes.add({"/user/friend!invite",                   Post,      User,   bind(s, friends::invite)});
    routes.add({"/user/friend!listRequests",             GetOrPost, User,   bind(s, friends::listRequests)});
    routes.add({"/user/friend!accept",                   Post,      User,   bind(s, friends::accept)});
    routes.add({"/user/friend!refuse",                   Post,      User,   bind(s, friends::refuse)});
    routes.add({"/user/friend!delete",                   Post,      User,   bind(s, friends::remove)});
    routes.add({"/user/friend!updateRemark",             Post,      User,   bind(s, friends::updateRemark)});
    routes.add({"/user/friend!read",                     GetOrPost, User,   bind(s, friends::read)});
    routes.add({"/user/friend!list",                     GetOrPost, User,   bind(s, friends::list)});
    routes.add({"/user/friend!diff",                     GetOrPost, User,   bind(s, friends::diff)});
    routes.add({"/user/friend!block",                    Post,      User,   bind(s, friends::block)});
    routes.add({"/user/friend!unblock",                  Post,      User,   bind(s, friends::unblock)});
    routes.add({"/user/friend!blocked",                  GetOrPost, User,   bind(s, friends::blocked)});

    routes.add({"/chat/group!create",                    Post,      User,   bind(s, group::create)});
    routes.add({"/chat/group!update",                    Post,      User,   bind(s, group::update)});
    routes.add({"/chat/group!delete",                    Post,      User,   bind(s, group::remove)});
    routes.add({"/chat/group!info",                      GetOrPost, User,   bind(s, group::info)});
    routes.add({"/chat/group!members",                   GetOrPost, User,   bind(s, group::members)});
    routes.add({"/chat/group!mine",                      GetOrPost, User,   bind(s, group::mine)});
    routes.add({"/chat/group!addMembers",                Post,      User,   bind(s, group::addMembers)});
    routes.add({"/chat/group!removeMembers",             Post,      User,   bind(s, group::removeMembers)});
    routes.add({"/chat/group!setAdmin",                  Post,      User,   bind(s, group::setAdmin)});
    routes.add({"/chat/group!transfer",                  Post,      User,   bind(s, group::transfer)});
    routes.add({"/chat/group!quit",                      Post,      User,   bind(s, group::quit)});
    routes.add({"/chat/group!setingGroup",               Post,      User,   bind(s, group::setingGroup)});
    routes.add({"/chat/media!upload",                    Post,      User,   bind(s, chat::uploadMedia)});
    routes.add({"/chat/message!send",                    Post,      User,   bind(s, chat::sendMessage)});
    routes.add({"/chat/message!read",                    GetOrPost, User,   bind(s, chat::readMessage)});
    routes.add({"/chat/message!history",                 GetOrPost, User,   bind(s, chat::history)});
    routes.add({"/chat/message!sync",                    GetOrPost, User,   bind(s, chat::sync)});
    routes.add({"/chat/message!conversations",           GetOrPost, User,   bind(s, chat::conversations)});
    routes.add({"/chat/message!markRead",                Post,      User,   bind(s, chat::markRead)});
    routes.add({"/chat/message!recall",                  Post,      User,   bind(s, chat::recallMessage)});
    routes.add({"/chat/message!listByPicture",           GetOrPost, User,   bind(s, chat::listByPicture)});
    routes.add({"/chat/picture!create",                  Post,      User,   bind(s, chat::createPicture)});
    routes.add({"/chat/picture!read",                    GetOrPost, User,   bind(s, chat::readPicture)});
    routes.add({"/chat/picture!listByUser",              GetOrPost, User,   bind(s, chat::listPicturesByUser)});
    routes.add({"/chat/picture!delete",                  Post,      User,   bind(s, chat::deletePicture)});
    routes.add({"/shop/city!list",                       GetOrPost, User,   bind(s, shop::cityList)});
    routes.add({"/shop/category!list",                   GetOrPost, User,   bind(s, shop::categoryList)});
    routes.add({"/shop/shop!recommend",                  GetOrPost, User,   bind(s, shop::recommend)});
    routes.add({"/shop/shop!list",                       GetOrPost, User,   bind(s, shop::list)});
    routes.add({"/shop/shop!search",                     GetOrPost, User,   bind(s, shop::search)});
    routes.add({"/shop/shop!name",                       GetOrPost, User,   bind(s, shop::name)});
    routes.add({"/shop/shop!info",                       GetOrPost, User,   bind(s, shop::info)});
    routes.add({"/shop/shop!enter",                      Post,      User,   bind(s, shop::enter)});
    routes.add({"/shop/shop!exit",                       Post,      User,   bind(s, shop::exit)});
    routes.add({"/shop/shop!customers",                  GetOrPost, User,   bind(s, shop::customers)});
    routes.add({"/shop/goods!list",                      GetOrPost, User,   bind(s, shop::goodsList)});
    routes.add({"/shop/goods!info",                      GetOrPost, User,   bind(s, shop::goodsInfo)});
    routes.add({"/shop/goods!fits",                      GetOrPost, User,   bind(s, shop::goodsFits)});
    routes.add({"/shop/goods!addFit",                    Post,      User,   bind(s, shop::goodsAddFit)});
    routes.add({"/shop/goods!promot",                    GetOrPost, User,   bind(s, shop::goodsPromot)});
    routes.add({"/shop/goods!latest",                    GetOrPost, User,   bind(s, shop::goodsLatest)});
    routes.add({"/shop/goods!byShops",                   GetOrPost, User,   bind(s, shop::goodsByShops)});
    routes.add({"/shop/activity!byShop",                 GetOrPost, User,   bind(s, shop::activityByShop)});
    routes.add({"/shop/activity!byCity",                 GetOrPost, User,   bind(s, shop::activityByCity)});
    routes.add({"/shop/activity!info",                   GetOrPost, User,   bind(s, shop::activityInfo)});
    routes.add({"/shop/visit!mine",                      GetOrPost, User,   bind(s, shop::visitMine)});

    routes.add({"/user/address!list",                    GetOrPost, User,   bind(s, address::list)});
    routes.add({"/user/address!add",                     Post,      User,   bind(s, address::add)});
    routes.add({"/user/address!update",                  Post,      User,   bind(s, address::update)});
    routes.add({"/user/address!delete",                  Post,      User,   bind(s, address::remove)});
    routes.add({"/user/address!setDefault",              Post,      User,   bind(s, address::setDefault)});
    routes.add({"/user/feedback!list",                   GetOrPost, User,   bind(s, feedback::list)});
    routes.add({"/user/feedback!submit",                 Post,      User,   bind(s, feedback::submit)});
    routes.add({"/app/version!latest",                   GetOrPost, Client, bind(s, app::latestVersion)});
    // A user's fan shops and favourite goods, and what friends may see of them.
    routes.add({"/shop/shop!concern",                    Post,      User,   bind(s, collections::concernShop)});
    routes.add({"/shop/shop!unconcern",                  Post,      User,   bind(s, collections::unconcernShop)});
    routes.add({"/shop/goods!concern",                   Post,      User,   bind(s, collections::concernGoods)});
    routes.add({"/shop/goods!unconcern",                 Post,      User,   bind(s, collections::unconcernGoods)});
    routes.add({"/shop/fans!diff",                       GetOrPost, User,   bind(s, collections::fansDiff)});
    routes.add({"/shop/fans!info",                       GetOrPost, User,   bind(s, collections::fansInfo)});
    routes.add({"/shop/fans!news",                       GetOrPost, User,   bind(s, collections::fansNews)});
    routes.add({"/shop/favorite!diff",                   GetOrPost, User,   bind(s, collections::favoriteDiff)});
    routes.add({"/shop/favorite!info",                   GetOrPost, User,   bind(s, collections::favoriteInfo)});
    routes.add({"/shop/favorite!list",                   GetOrPost, User,   bind(s, collections::favoriteList)});
    routes.add({"/user/user!counts",                     GetOrPost, User,   bind(s, collections::counts)});
    routes.add({"/user/friend!privacy",                  GetOrPost, User,   bind(s, collections::friendPrivacy)});
    routes.add({"/user/friend!favorites",                GetOrPost, User,   bind(s, collections::friendFavorites)});
    routes.add({"/user/friend!fans",                     GetOrPost, User,   bind(s, collections::friendFans)});
    routes.add({"/user/friend!visits",                   GetOrPost, User,   bind(s, collections::friendVisits)});
    routes.add({"/user/setting!privacy",                 GetOrPost, User,   bind(s, collections::privacySetting)});
    routes.add({"/user/setting!message",                 Post,      User,   bind(s, collections::messageSetting)});
    routes.add({"/user/user!personal",                   GetOrPost, User,   bind(s, user::personal)});
    routes.add({"/user/user!verifyCode",                 Post,      Client, bind(s, user::verifyCode)});
    routes.add({"/user/user!sendBindCode",               Post,      User,   bind(s, user::sendBindCode)});
    routes.add({"/user/user!bindPhone",                  Post,      User,   bind(s, user::bindPhone)});
    routes.add({"/user/user!setUserName",                Post,      User,   bind(s, user::setUserName)});
    routes.add({"/user/user!sendDestroyCode",            Post,      User,   bind(s, user::sendDestroyCode)});
    routes.add({"/user/user!destroy",                    Post,      User,   bind(s, user::destroy)});
    routes.add({"/user/user!photoFromUrl",               Post,      User,   bind(s, user::photoFromUrl)});
    // Accounts by user name or e-mail, with no SMS code (only when the operator allows it).
    routes.add({"/user/user!registerByName",             Post,      Client, bind(s, user::registerByName)});
    // The manager side: site staff only (each handler checks the site role).
    routes.add({"/manager/user!search",                   GetOrPost, User,   manager::bind(s, manager::userSearch)});
    routes.add({"/manager/user!info",                     GetOrPost, User,   manager::bind(s, manager::userInfo)});
    routes.add({"/manager/user!disable",                  Post,      User,   manager::bind(s, manager::userDisable)});
    routes.add({"/manager/user!enable",                   Post,      User,   manager::bind(s, manager::userEnable)});
    routes.add({"/manager/user!setSiteRole",              Post,      User,   manager::bind(s, manager::userSetSiteRole)});
    routes.add({"/manager/city!list",                     GetOrPost, User,   manager::bind(s, manager::cityList)});
    routes.add({"/manager/city!add",                      Post,      User,   manager::bind(s, manager::cityAdd)});
    routes.add({"/manager/city!update",                   Post,      User,   manager::bind(s, manager::cityUpdate)});
    routes.add({"/manager/city!delete",                   Post,      User,   manager::bind(s, manager::cityDelete)});
    routes.add({"/manager/category!list",                 GetOrPost, User,   manager::bind(s, manager::categoryList)});
    routes.add({"/manager/category!add",                  Post,      User,   manager::bind(s, manager::categoryAdd)});
    routes.add({"/manager/category!update",               Post,      User,   manager::bind(s, manager::categoryUpdate)});
    routes.add({"/manager/category!delete",               Post,      User,   manager::bind(s, manager::categoryDelete)});
    routes.add({"/manager/shop!list",                     GetOrPost, User,   manager::bind(s, manager::shopList)});
    routes.add({"/manager/shop!info",                     GetOrPost, User,   manager::bind(s, manager::shopInfo)});
    routes.add({"/manager/shop!add",                      Post,      User,   manager::bind(s, manager::shopAdd)});
    routes.add({"/manager/shop!update",                   Post,      User,   manager::bind(s, manager::shopUpdate)});
    routes.add({"/manager/shop!delete",                   Post,      User,   manager::bind(s, manager::shopDelete)});
    routes.add({"/manager/goods!list",                    GetOrPost, User,   manager::bind(s, manager::goodsList)});
    routes.add({"/manager/goods!info",                    GetOrPost, User,   manager::bind(s, manager::goodsInfo)});
    routes.add({"/manager/goods!add",                     Post,      User,   manager::bind(s, manager::goodsAdd)});
    routes.add({"/manager/goods!update",                  Post,      User,   manager::bind(s, manager::goodsUpdate)});
    routes.add({"/manager/goods!delete",                  Post,      User,   manager::bind(s, manager::goodsDelete)});
    routes.add({"/manager/activity!list",                 GetOrPost, User,   manager::bind(s, manager::activityList)});
    routes.add({"/manager/activity!add",                  Post,      User,   manager::bind(s, manager::activityAdd)});
    routes.add({"/manager/activity!update",               Post,      User,   manager::bind(s, manager::activityUpdate)});
    routes.add({"/manager/activity!delete",               Post,      User,   manager::bind(s, manager::activityDelete)});
    routes.add({"/manager/media!upload",                  Post,      User,   manager::bind(s, manager::mediaUpload)});
    routes.add({"/manager/group!list",                    GetOrPost, User,   manager::bind(s, manager::groupList)});
    routes.add({"/manager/group!info",                    GetOrPost, User,   manager::bind(s, manager::groupInfo)});
    routes.add({"/manager/group!delete",                  Post,      User,   manager::bind(s, manager::groupDelete)});
    routes.add({"/manager/stats!overview",                GetOrPost, User,   manager::bind(s, manager::statsOverview)});
    routes.add({"/manager/audit!list",                    GetOrPost, User,   manager::bind(s, manager::auditList)});
    // Signing in with QQ, WeChat, Weibo or Alipay, verified with the provider.
    routes.add({"/user/user!thirdLogin",                  Post,      Client, bind(s, user::thirdLogin)});
    routes.add({"/user/user!thirdInfo",                   Post,      Client, bind(s, user::thirdInfo)});
    routes.add({"/user/user!bindThird",                   Post,      User,   bind(s, user::bindThird)});
    routes.add({"/user/user!unbindThird",                 Post,      User,   bind(s, user::unbindThird)});

    // The manager side's app versions and feedback. version!publish takes the package as
    // the raw body, which nginx writes to a file of its own (Request::bodyFile).
    routes.add({"/manager/version!publish",               Post,      User,   manager::bind(s, manager::versionPublish)});
    routes.add({"/manager/version!list",                  GetOrPost, User,   manager::bind(s, manager::versionList)});
    routes.add({"/manager/feedback!threads",              GetOrPost, User,   manager::bind(s, manager::feedbackThreads)});
    routes.add({"/manager/feedback!thread",               GetOrPost, User,   manager::bind(s, manager::feedbackThread)});
    routes.add({"/manager/feedback!reply",                Post,      User,   manager::bind(s, manager::feedbackReply)});
    // clang-format on
    return routes;
}

}  // namespace mmx
