// The do-nothing FastCGI responder: the ceiling of nginx + libfcgi on this machine,
// against which scripts/bench reports every route as a ratio.
#include <fcgiapp.h>

int main() {
    FCGX_Init();
    FCGX_Request request;
    FCGX_InitRequest(&request, 0, 0);
    static const char kAnswer[] =
        "Status: 200 OK\r\nContent-Type: application/json; charset=utf-8\r\n\r\n"
        "{\"success\":true,\"info\":\"pong\",\"code\":\"OK\"}";
    while (FCGX_Accept_r(&request) >= 0) {
        FCGX_PutStr(kAnswer, sizeof kAnswer - 1, request.out);
        FCGX_Finish_r(&request);
    }
    return 0;
}
