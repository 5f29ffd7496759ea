#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

namespace mmx {

// A key that cannot be read or used; what() is for the log only.
class RsaKeyError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// SHA256withRSA (PKCS#1 v1.5), Alipay's RSA2, with OpenSSL's libcrypto. Keys are PEM
// text (PKCS#8 "PRIVATE KEY" or PKCS#1 "RSA PRIVATE KEY"; "PUBLIC KEY"). The signature
// travels as standard base64.
std::string signSha256WithRsa(std::string_view privateKeyPem, std::string_view content);
// False for a wrong or malformed signature; throws RsaKeyError for a key it cannot use.
bool verifySha256WithRsa(std::string_view publicKeyPem, std::string_view content,
                         std::string_view signatureBase64);

// The whole text of a small file (a key); throws RsaKeyError when it cannot be read.
std::string readKeyFile(const std::string& path);

}  // namespace mmx
