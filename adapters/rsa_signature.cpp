#include "adapters/rsa_signature.hpp"

#include <openssl/evp.h>
#include <openssl/pem.h>

#include <fstream>
#include <memory>
#include <optional>
#include <sstream>
#include <vector>

namespace mmx {
namespace {

using Bio = std::unique_ptr<BIO, decltype(&BIO_free)>;
using Key = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;
using DigestContext = std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)>;

Bio bioOf(std::string_view pem) {
    Bio bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())), BIO_free);
    if (!bio) throw RsaKeyError("cannot read key");
    return bio;
}

std::string toBase64(const std::vector<unsigned char>& bytes) {
    std::string out(4 * ((bytes.size() + 2) / 3) + 1, '\0');
    const int length = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()), bytes.data(),
                                       static_cast<int>(bytes.size()));
    out.resize(static_cast<std::size_t>(length));
    return out;
}

std::optional<std::vector<unsigned char>> fromBase64(std::string_view text) {
    if (text.empty() || text.size() % 4 != 0 || text.size() > 8192) return std::nullopt;
    std::vector<unsigned char> out(text.size() / 4 * 3);
    const int length =
        EVP_DecodeBlock(out.data(), reinterpret_cast<const unsigned char*>(text.data()),
                        static_cast<int>(text.size()));
    if (length < 0) return std::nullopt;
    std::size_t size = static_cast<std::size_t>(length);
    // EVP_DecodeBlock counts the padding as zero bytes.
    if (text.back() == '=') --size;
    if (text.size() > 1 && text[text.size() - 2] == '=') --size;
    out.resize(size);
    return out;
}

}  // namespace

std::string signSha256WithRsa(std::string_view privateKeyPem, std::string_view content) {
    const Bio bio = bioOf(privateKeyPem);
    const Key key(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr), EVP_PKEY_free);
    if (!key) throw RsaKeyError("not a private key");
    const DigestContext context(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    std::size_t size = 0;
    if (!context ||
        EVP_DigestSignInit(context.get(), nullptr, EVP_sha256(), nullptr, key.get()) != 1 ||
        EVP_DigestSign(context.get(), nullptr, &size,
                       reinterpret_cast<const unsigned char*>(content.data()),
                       content.size()) != 1) {
        throw RsaKeyError("cannot sign");
    }
    std::vector<unsigned char> signature(size);
    if (EVP_DigestSign(context.get(), signature.data(), &size,
                       reinterpret_cast<const unsigned char*>(content.data()),
                       content.size()) != 1) {
        throw RsaKeyError("cannot sign");
    }
    signature.resize(size);
    return toBase64(signature);
}

bool verifySha256WithRsa(std::string_view publicKeyPem, std::string_view content,
                         std::string_view signatureBase64) {
    const Bio bio = bioOf(publicKeyPem);
    const Key key(PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr), EVP_PKEY_free);
    if (!key) throw RsaKeyError("not a public key");
    const auto signature = fromBase64(signatureBase64);
    if (!signature) return false;
    const DigestContext context(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    if (!context ||
        EVP_DigestVerifyInit(context.get(), nullptr, EVP_sha256(), nullptr, key.get()) != 1) {
        throw RsaKeyError("cannot verify");
    }
    return EVP_DigestVerify(context.get(), signature->data(), signature->size(),
                            reinterpret_cast<const unsigned char*>(content.data()),
                            content.size()) == 1;
}

std::string readKeyFile(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw RsaKeyError("cannot open " + path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace mmx
