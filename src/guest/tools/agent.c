// vlab-agent: the program channel on the second serial port (ttyS1), so that checks and tests
// never type into, or print to, the learner's console on ttyS0. Protocol: src/guest/README.md.
//
//   host -> guest, one line each:  RUN <id> <timeout-ms> <base64 command>
//                                  CLOCK <id> <unix-ms>
//                                  CANCEL <id>
//   guest -> host:                 \x1eVLAB-READY\n   (once, when init is done)
//                                  \x1eVLAB-BEGIN <id>\n <raw output> \x1eVLAB-END <id> <status>\n
// <status> is the exit code (128+N for signal N) or "timeout". Output is raw bytes; the host
// finds the end by the exact END marker for its own id, so output cannot fake a frame.
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/signalfd.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>
#include "tools.h"

#define LINE_MAX_BYTES (256 * 1024)

static int port;
static char inbuf[LINE_MAX_BYTES];
static size_t inlen;

static char *const command_env[] = {
    "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
    "HOME=/root", "USER=root", "LOGNAME=root", "SHELL=/bin/sh", "TERM=dumb", NULL,
};

static void say(const char *fmt, const char *id, const char *status) {
  char frame[256];
  int n = snprintf(frame, sizeof frame, fmt, id, status);
  write_all(port, frame, (unsigned long)n);
}

// Pops one complete line (without '\n') from inbuf into out (cap bytes, truncating);
// returns 1 if there was one.
static int take_line(char *out, size_t cap) {
  char *nl = memchr(inbuf, '\n', inlen);
  if (!nl) return 0;
  size_t n = (size_t)(nl - inbuf);
  size_t kept = n < cap - 1 ? n : cap - 1;
  memcpy(out, inbuf, kept);
  out[kept] = 0;
  if (kept && out[kept - 1] == '\r') out[kept - 1] = 0;
  inlen -= n + 1;
  memmove(inbuf, nl + 1, inlen);
  return 1;
}

// Reads what the port has into inbuf. A line longer than the buffer is dropped, not executed.
static void fill(void) {
  if (inlen == sizeof inbuf) inlen = 0;
  ssize_t n = read(port, inbuf + inlen, sizeof inbuf - inlen);
  if (n > 0) inlen += (size_t)n;
}

static size_t base64_decode(const char *in, char *out) {
  unsigned acc = 0;
  int bits = 0;
  size_t n = 0;
  for (; *in && *in != '='; in++) {
    const char *p = strchr("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", *in);
    if (!p) continue;
    acc = (acc << 6) | (unsigned)(p - "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/");
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[n++] = (char)((acc >> bits) & 0xff);
    }
  }
  out[n] = 0;
  return n;
}

static long long now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

// The shell for the next command, started ahead of time: exec'ing the 2 MB static busybox costs
// ~40 ms under emulation, which would otherwise be paid on every round trip. It waits in
// `. /proc/self/fd/3` until the agent writes the command into fd 3 and closes it. It leads its own
// session, so killing its process group on timeout kills the whole command.
struct shell {
  pid_t pid;
  int script;  // write end of fd 3
  int output;  // read end of its stdout+stderr
};

static struct shell spawn_shell(void) {
  struct shell sh = {-1, -1, -1};
  int script[2], out[2];
  if (pipe2(script, O_CLOEXEC) != 0) return sh;
  if (pipe2(out, O_CLOEXEC) != 0) {
    close(script[0]);
    close(script[1]);
    return sh;
  }
  sh.pid = fork();
  if (sh.pid == 0) {
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    setsid();
    int null = open("/dev/null", O_RDONLY);
    dup2(null, 0);
    dup2(out[1], 1);
    dup2(out[1], 2);
    dup2(script[0], 3);  // dup2 clears O_CLOEXEC on the copy
    if (chdir("/root") != 0) _exit(127);
    execle("/bin/sh", "sh", "-c", ". /proc/self/fd/3", (char *)NULL, command_env);
    _exit(127);
  }
  close(script[0]);
  close(out[1]);
  sh.script = script[1];
  sh.output = out[0];
  return sh;
}

// Hands the command to the waiting shell. Up to PIPE_BUF bytes fit an empty pipe at once; a longer
// script goes through a file, so the agent never blocks on a shell that is busy printing.
static int hand_over(struct shell *sh, const char *command) {
  const char *path = "/run/vlab-agent-script.sh";
  size_t len = strlen(command);
  int rc;
  if (len <= 4096) {
    rc = write_all(sh->script, command, len);
  } else {
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    rc = fd < 0 ? -1 : write_all(fd, command, len);
    if (fd >= 0) close(fd);
    if (rc == 0) rc = write_all(sh->script, ". /run/vlab-agent-script.sh\n", 28);
  }
  close(sh->script);
  sh->script = -1;
  return rc;
}

static struct shell next_shell = {-1, -1, -1};

// Runs one command, copying its output to the port until it exits, then reports its status.
static void run(const char *id, long timeout_ms, const char *command, int sigfd) {
  struct shell sh = next_shell.pid > 0 ? next_shell : spawn_shell();
  next_shell.pid = -1;
  say("\x1eVLAB-BEGIN %s\n%s", id, "");
  // The waiting shell may have been killed meanwhile (`killall sh` on the console): start another.
  if (sh.pid > 0 && hand_over(&sh, command) != 0) {
    close(sh.output);
    kill(-sh.pid, SIGKILL);
    sh = spawn_shell();
    if (sh.pid > 0 && hand_over(&sh, command) != 0) sh.pid = -1;
  }
  if (sh.pid < 0) {
    say("vlab-agent: could not start a shell%s%s\n", "", "");
    say("\x1eVLAB-END %s %s\n", id, "127");
    return;
  }
  long long deadline = now_ms() + timeout_ms;
  int status = 0, exited = 0, timed_out = 0;
  char chunk[4096], line[128];
  // Done when the command has exited and its output is drained. A background job that still
  // holds the pipe gets EPIPE/SIGPIPE afterwards rather than writing into the next frame.
  while (!exited || sh.output >= 0) {
    struct pollfd fds[3] = {{sh.output, POLLIN, 0}, {sigfd, POLLIN, 0}, {port, POLLIN, 0}};
    int wait = -1;
    if (exited) wait = 0;
    else if (timeout_ms > 0 && !timed_out) wait = deadline > now_ms() ? (int)(deadline - now_ms()) : 0;
    int ready = poll(fds, 3, wait);
    if (ready < 0 && errno != EINTR) break;
    if (ready == 0 && exited) break;
    if (ready == 0 && !timed_out) {
      timed_out = 1;
      kill(-sh.pid, SIGKILL);
    }
    if (fds[0].revents & (POLLIN | POLLHUP | POLLERR)) {
      ssize_t n = read(sh.output, chunk, sizeof chunk);
      if (n > 0) {
        write_all(port, chunk, (unsigned long)n);
      } else {
        close(sh.output);
        sh.output = -1;  // poll ignores negative fds
      }
    }
    if (fds[1].revents & POLLIN) {
      struct signalfd_siginfo info;
      if (read(sigfd, &info, sizeof info) > 0 && waitpid(sh.pid, &status, WNOHANG) == sh.pid) exited = 1;
    }
    if (fds[2].revents & POLLIN) {
      fill();
      // Only CANCEL is acted on mid-command; other lines wait in inbuf for the main loop.
      if (memchr(inbuf, '\n', inlen) && strncmp(inbuf, "CANCEL ", 7) == 0 && take_line(line, sizeof line) &&
          strcmp(line + 7, id) == 0 && !timed_out) {
        timed_out = 1;
        kill(-sh.pid, SIGKILL);
      }
    }
  }
  if (sh.output >= 0) close(sh.output);
  // Reap whatever else ended meanwhile (children of earlier commands are reparented to init).
  while (waitpid(-1, NULL, WNOHANG) > 0) {
  }
  char code[16];
  if (timed_out) strcpy(code, "timeout");
  else if (WIFSIGNALED(status)) snprintf(code, sizeof code, "%d", 128 + WTERMSIG(status));
  else snprintf(code, sizeof code, "%d", WEXITSTATUS(status));
  say("\x1eVLAB-END %s %s\n", id, code);
  next_shell = spawn_shell();
}

static void set_clock(const char *id, long long unix_ms) {
  struct timespec ts = {(time_t)(unix_ms / 1000), (long)(unix_ms % 1000) * 1000000};
  int rc = clock_settime(CLOCK_REALTIME, &ts);
  say("\x1eVLAB-BEGIN %s\n%s", id, "");
  say("\x1eVLAB-END %s %s\n", id, rc == 0 ? "0" : "1");
}

int agent_main(int argc, char **argv) {
  const char *device = argc > 1 ? argv[1] : "/dev/ttyS1";
  port = open(device, O_RDWR | O_NOCTTY | O_CLOEXEC);
  if (port < 0) return perror("vlab-agent: open"), 1;
  // Raw mode: no echo, no line editing, no \n -> \r\n, 8-bit clean (termios(3) cfmakeraw).
  struct termios tio;
  if (tcgetattr(port, &tio) == 0) {
    cfmakeraw(&tio);
    tcsetattr(port, TCSANOW, &tio);
  }
  signal(SIGPIPE, SIG_IGN);
  sigset_t chld;
  sigemptyset(&chld);
  sigaddset(&chld, SIGCHLD);
  sigprocmask(SIG_BLOCK, &chld, NULL);
  int sigfd = signalfd(-1, &chld, SFD_CLOEXEC);
  static char line[LINE_MAX_BYTES], command[LINE_MAX_BYTES];
  next_shell = spawn_shell();
  say("\x1eVLAB-READY%s%s\n", "", "");
  for (;;) {
    while (!take_line(line, sizeof line)) fill();
    char id[64];
    long long number;
    int used = 0;
    if (sscanf(line, "RUN %63s %lld %n", id, &number, &used) == 2 && used > 0) {
      base64_decode(line + used, command);
      run(id, (long)number, command, sigfd);
    } else if (sscanf(line, "CLOCK %63s %lld", id, &number) == 2) {
      set_clock(id, number);
    }
    // Anything else (a stale CANCEL, line noise) is ignored: the host only waits on its own ids.
  }
}
