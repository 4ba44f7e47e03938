/*
 * The floor: the least work a single-threaded SFU can do to forward one RTP stream to N players,
 * so that Parley's CPU per forwarded packet can be read as a ratio to it (issue 7).
 *
 * One UDP socket. Packets arrive in batches (recvmmsg). For each RTP packet and each player the
 * relay rewrites SSRC and sequence number as an SFU does (a per-player SSRC and a per-player
 * sequence offset), protects the packet as SRTP with AEAD_AES_128_GCM (RFC 7714: IV from the salt
 * XOR SSRC/ROC/SEQ, section 8.1; AAD = the whole RTP header, section 8.2; a 16-byte tag appended)
 * with one key per player through OpenSSL EVP, and queues it; the queue leaves in batches
 * (sendmmsg). All buffers and cipher contexts are made before the first packet: the loop does not
 * allocate.
 *
 * Players come on stdin, one line each, before the relay starts (the control protocol):
 *     player <ipv4> <port> <ssrc> <sequence-offset> <key: 32 hex> <salt: 24 hex>
 *     end
 * The relay then prints "listening <ipv4> <port>". A datagram "STAT" (not RTP: first byte outside
 * 128..191, RFC 7983) is answered to its sender with the counters and getrusage. SIGTERM or SIGINT
 * (or the parent's death, or --max-seconds) stops it; it prints the same counters on stdout at exit.
 *
 * Usage: relay [--bind ADDR] [--port N] [--max-seconds S]
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <openssl/evp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#define MAX_PLAYERS 4096
#define RECV_BATCH 64      /* datagrams per recvmmsg */
#define SEND_BATCH 256     /* datagrams per sendmmsg (below UIO_MAXIOV) */
#define MAX_DATAGRAM 1500  /* an Ethernet MTU: a larger RTP packet is dropped as malformed */
#define GCM_TAG 16
#define RTP_HEADER_MIN 12

struct player {
    struct sockaddr_in addr;
    uint32_t ssrc;
    uint16_t seq_offset;
    uint8_t salt[12];
    EVP_CIPHER_CTX *ctx; /* keyed once at start; only the IV changes per packet */
};

struct counters {
    unsigned long long in;        /* RTP packets received */
    unsigned long long out;       /* SRTP packets the kernel accepted */
    unsigned long long malformed; /* datagrams that were neither RTP nor a control request */
    unsigned long long send_errors;
    unsigned long long crypto_errors;
};

static struct player players[MAX_PLAYERS];
static int player_count;
static struct counters count;
static volatile sig_atomic_t stopping;

/* Receive side: RECV_BATCH buffers, filled by one recvmmsg. */
static uint8_t in_buf[RECV_BATCH][MAX_DATAGRAM];
static struct iovec in_iov[RECV_BATCH];
static struct mmsghdr in_msg[RECV_BATCH];
static struct sockaddr_in in_from[RECV_BATCH];

/* Send side: SEND_BATCH protected packets waiting for one sendmmsg. */
static uint8_t out_buf[SEND_BATCH][MAX_DATAGRAM + GCM_TAG];
static struct iovec out_iov[SEND_BATCH];
static struct mmsghdr out_msg[SEND_BATCH];
static int out_queued;

/* The input stream's extended sequence number (RFC 3711 section 3.3.1): the highest seen. */
static int have_input_index;
static uint64_t input_index;

static void on_signal(int sig) {
    (void) sig;
    stopping = 1;
}

static void die(const char *what) {
    fprintf(stderr, "relay: %s: %s\n", what, errno ? strerror(errno) : "invalid");
    exit(2);
}

static int parse_hex(const char *hex, uint8_t *out, size_t n) {
    if (strlen(hex) != 2 * n) {
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        unsigned int b;
        if (sscanf(hex + 2 * i, "%2x", &b) != 1) {
            return -1;
        }
        out[i] = (uint8_t) b;
    }
    return 0;
}

/* Reads "player ..." lines until "end" or end of input. */
static void read_players(void) {
    char line[512];
    int lineno = 0;
    while (fgets(line, sizeof line, stdin)) {
        lineno++;
        char ip[64], keyhex[80], salthex[80];
        unsigned int port, ssrc, offset;
        if (strncmp(line, "end", 3) == 0) {
            break;
        }
        if (sscanf(line, "player %63s %u %u %u %79s %79s", ip, &port, &ssrc, &offset, keyhex, salthex) != 6
                || port == 0 || port > 65535 || offset > 65535) {
            fprintf(stderr, "relay: line %d: expected 'player <ipv4> <port> <ssrc> <seq-offset> <key32hex> <salt24hex>'\n", lineno);
            exit(2);
        }
        if (player_count == MAX_PLAYERS) {
            fprintf(stderr, "relay: more than %d players\n", MAX_PLAYERS);
            exit(2);
        }
        struct player *p = &players[player_count];
        uint8_t key[16];
        memset(&p->addr, 0, sizeof p->addr);
        p->addr.sin_family = AF_INET;
        p->addr.sin_port = htons((uint16_t) port);
        if (inet_pton(AF_INET, ip, &p->addr.sin_addr) != 1 || parse_hex(keyhex, key, 16) || parse_hex(salthex, p->salt, 12)) {
            fprintf(stderr, "relay: line %d: bad address, key or salt\n", lineno);
            exit(2);
        }
        p->ssrc = ssrc;
        p->seq_offset = (uint16_t) offset;
        p->ctx = EVP_CIPHER_CTX_new();
        if (!p->ctx || EVP_EncryptInit_ex(p->ctx, EVP_aes_128_gcm(), NULL, key, NULL) != 1) {
            fprintf(stderr, "relay: cannot key AES-128-GCM\n");
            exit(2);
        }
        player_count++;
    }
    if (player_count == 0) {
        fprintf(stderr, "relay: no players on stdin\n");
        exit(2);
    }
}

static void flush_sends(int fd) {
    int sent = 0;
    while (sent < out_queued) {
        int n = sendmmsg(fd, out_msg + sent, (unsigned int) (out_queued - sent), 0);
        if (n > 0) {
            count.out += (unsigned long long) n;
            sent += n;
        } else if (n < 0 && errno == EINTR) {
            continue;
        } else {
            /* The first datagram of the rest failed (a full buffer, an unreachable player): skip it. */
            count.send_errors++;
            sent++;
        }
    }
    out_queued = 0;
}

/*
 * The RTP header length (RFC 3550 section 5.1: fixed header, CSRCs, extension), or -1 when the
 * datagram is not a well-formed RTP packet.
 */
static int rtp_header_length(const uint8_t *p, int len) {
    if (len < RTP_HEADER_MIN || (p[0] >> 6) != 2) {
        return -1;
    }
    int h = RTP_HEADER_MIN + 4 * (p[0] & 0x0f);
    if (p[0] & 0x10) {
        if (len < h + 4) {
            return -1;
        }
        h += 4 + 4 * ((p[h + 2] << 8) | p[h + 3]);
    }
    return h <= len ? h : -1;
}

/* RFC 3711 section 3.3.1: the input packet's 48-bit index, from the highest index seen so far. */
static uint64_t input_packet_index(uint16_t seq) {
    if (!have_input_index) {
        have_input_index = 1;
        input_index = seq;
        return input_index;
    }
    uint16_t s_l = (uint16_t) input_index;
    uint64_t roc = input_index >> 16;
    uint64_t v;
    if (s_l < 32768) {
        v = (seq - s_l > 32768 && roc > 0) ? roc - 1 : roc;
    } else {
        v = (s_l - 32768 > seq) ? roc + 1 : roc;
    }
    uint64_t index = (v << 16) | seq;
    if (index > input_index) {
        input_index = index;
    }
    return index;
}

/* Protects one packet for one player into the next send slot: rewrite, then RFC 7714 GCM. */
static void queue_for_player(int fd, struct player *p, const uint8_t *pkt, int len, int hlen, uint64_t index) {
    if (out_queued == SEND_BATCH) {
        flush_sends(fd);
    }
    uint8_t *o = out_buf[out_queued];
    uint64_t out_index = (index + p->seq_offset) & 0xffffffffffffULL;
    uint16_t seq = (uint16_t) out_index;
    uint32_t roc = (uint32_t) (out_index >> 16);

    memcpy(o, pkt, (size_t) hlen);
    o[2] = (uint8_t) (seq >> 8);
    o[3] = (uint8_t) seq;
    o[8] = (uint8_t) (p->ssrc >> 24);
    o[9] = (uint8_t) (p->ssrc >> 16);
    o[10] = (uint8_t) (p->ssrc >> 8);
    o[11] = (uint8_t) p->ssrc;

    /* RFC 7714 section 8.1: IV = (00 00 || SSRC || ROC || SEQ) XOR salt. */
    uint8_t iv[12];
    memcpy(iv, p->salt, 12);
    iv[2] ^= o[8];
    iv[3] ^= o[9];
    iv[4] ^= o[10];
    iv[5] ^= o[11];
    iv[6] ^= (uint8_t) (roc >> 24);
    iv[7] ^= (uint8_t) (roc >> 16);
    iv[8] ^= (uint8_t) (roc >> 8);
    iv[9] ^= (uint8_t) roc;
    iv[10] ^= o[2];
    iv[11] ^= o[3];

    int n = 0, fin = 0;
    if (EVP_EncryptInit_ex(p->ctx, NULL, NULL, NULL, iv) != 1
            || EVP_EncryptUpdate(p->ctx, NULL, &n, o, hlen) != 1
            || EVP_EncryptUpdate(p->ctx, o + hlen, &n, pkt + hlen, len - hlen) != 1
            || EVP_EncryptFinal_ex(p->ctx, o + hlen + n, &fin) != 1
            || EVP_CIPHER_CTX_ctrl(p->ctx, EVP_CTRL_GCM_GET_TAG, GCM_TAG, o + len) != 1) {
        count.crypto_errors++;
        return;
    }
    out_iov[out_queued].iov_len = (size_t) len + GCM_TAG;
    out_msg[out_queued].msg_hdr.msg_name = &p->addr;
    out_msg[out_queued].msg_hdr.msg_namelen = sizeof p->addr;
    out_queued++;
}

static double seconds(struct timeval tv) {
    return (double) tv.tv_sec + (double) tv.tv_usec / 1e6;
}

static int format_counters(char *buf, size_t size) {
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return snprintf(buf, size,
            "in=%llu out=%llu malformed=%llu send_errors=%llu crypto_errors=%llu players=%d utime=%.6f stime=%.6f",
            count.in, count.out, count.malformed, count.send_errors, count.crypto_errors, player_count,
            seconds(ru.ru_utime), seconds(ru.ru_stime));
}

static void answer_control(int fd, const uint8_t *d, int len, const struct sockaddr_in *from) {
    if (len == 4 && memcmp(d, "STAT", 4) == 0) {
        flush_sends(fd); /* so "out" counts every packet protected before the request */
        char reply[512];
        memcpy(reply, "STAT ", 5);
        int n = format_counters(reply + 5, sizeof reply - 5);
        if (sendto(fd, reply, (size_t) n + 5, 0, (const struct sockaddr *) from, sizeof *from) < 0) {
            count.send_errors++;
        }
    } else {
        count.malformed++;
    }
}

static void relay_datagram(int fd, int i) {
    const uint8_t *d = in_buf[i];
    int len = (int) in_msg[i].msg_len;
    if ((in_msg[i].msg_hdr.msg_flags & MSG_TRUNC) != 0) {
        count.malformed++;
        return;
    }
    if (len < 1 || d[0] < 128 || d[0] > 191) {
        answer_control(fd, d, len, &in_from[i]);
        return;
    }
    int hlen = rtp_header_length(d, len);
    if (hlen < 0 || (d[0] & 0x20) != 0 || len + GCM_TAG > (int) sizeof out_buf[0]) {
        count.malformed++; /* padding is refused too: a relay that re-encrypts would have to keep it */
        return;
    }
    count.in++;
    uint64_t index = input_packet_index((uint16_t) ((d[2] << 8) | d[3]));
    for (int k = 0; k < player_count; k++) {
        queue_for_player(fd, &players[k], d, len, hlen, index);
    }
}

int main(int argc, char **argv) {
    const char *bind_addr = "127.0.0.1";
    int port = 0;
    long max_seconds = 3600;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--bind") == 0 && i + 1 < argc) {
            bind_addr = argv[++i];
        } else if (strcmp(argv[i], "--port") == 0 && i + 1 < argc) {
            port = atoi(argv[++i]);
        } else if (strcmp(argv[i], "--max-seconds") == 0 && i + 1 < argc) {
            max_seconds = atol(argv[++i]);
        } else {
            fprintf(stderr, "usage: relay [--bind ADDR] [--port N] [--max-seconds S] < players\n");
            return 2;
        }
    }
    /* The relay never outlives the program that measures it. */
    prctl(PR_SET_PDEATHSIG, SIGTERM);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal; /* no SA_RESTART: a blocked recvmmsg returns EINTR */
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);

    read_players();

    int fd = socket(AF_INET, SOCK_DGRAM, 0);
    if (fd < 0) {
        die("socket");
    }
    int buf_bytes = 8 << 20;
    setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &buf_bytes, sizeof buf_bytes);
    setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &buf_bytes, sizeof buf_bytes);
    struct timeval tick = {0, 200000}; /* wake to notice --max-seconds when nothing arrives */
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tick, sizeof tick);
    struct sockaddr_in me;
    memset(&me, 0, sizeof me);
    me.sin_family = AF_INET;
    me.sin_port = htons((uint16_t) port);
    if (inet_pton(AF_INET, bind_addr, &me.sin_addr) != 1) {
        errno = 0;
        die("--bind");
    }
    if (bind(fd, (struct sockaddr *) &me, sizeof me) < 0) {
        die("bind");
    }
    socklen_t me_len = sizeof me;
    getsockname(fd, (struct sockaddr *) &me, &me_len);

    for (int i = 0; i < RECV_BATCH; i++) {
        in_iov[i].iov_base = in_buf[i];
        in_iov[i].iov_len = sizeof in_buf[i];
        in_msg[i].msg_hdr.msg_iov = &in_iov[i];
        in_msg[i].msg_hdr.msg_iovlen = 1;
        in_msg[i].msg_hdr.msg_name = &in_from[i];
        in_msg[i].msg_hdr.msg_namelen = sizeof in_from[i];
    }
    for (int i = 0; i < SEND_BATCH; i++) {
        out_iov[i].iov_base = out_buf[i];
        out_msg[i].msg_hdr.msg_iov = &out_iov[i];
        out_msg[i].msg_hdr.msg_iovlen = 1;
    }

    printf("listening %s %d\n", bind_addr, ntohs(me.sin_port));
    fflush(stdout);

    struct timespec start, now;
    clock_gettime(CLOCK_MONOTONIC, &start);
    while (!stopping) {
        for (int i = 0; i < RECV_BATCH; i++) {
            in_msg[i].msg_hdr.msg_namelen = sizeof in_from[i];
            in_msg[i].msg_hdr.msg_flags = 0;
        }
        int got = recvmmsg(fd, in_msg, RECV_BATCH, MSG_WAITFORONE, NULL);
        if (got < 0 && errno != EINTR && errno != EAGAIN && errno != EWOULDBLOCK) {
            die("recvmmsg");
        }
        for (int i = 0; i < got; i++) {
            relay_datagram(fd, i);
        }
        flush_sends(fd);
        clock_gettime(CLOCK_MONOTONIC, &now); /* a vDSO call per batch, not a system call */
        if (now.tv_sec - start.tv_sec >= max_seconds) {
            break;
        }
    }

    char line[512];
    format_counters(line, sizeof line);
    printf("counters %s\n", line);
    fflush(stdout);
    for (int k = 0; k < player_count; k++) {
        EVP_CIPHER_CTX_free(players[k].ctx);
    }
    close(fd);
    return 0;
}
