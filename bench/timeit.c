/* timeit.c -- run a command RUNS times (after one warm-up run) and print the
 * median wall time in seconds and the largest peak RSS in KiB:
 *   timeit RUNS CMD [ARGS...]         stdout of CMD goes to /dev/null
 * A tiny stand-in for hyperfine that also reports memory (wait4's rusage). */
#define _DEFAULT_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static int cmp(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

int main(int argc, char **argv) {
  if (argc < 3) { fprintf(stderr, "usage: timeit RUNS CMD [ARGS...]\n"); return 2; }
  int runs = atoi(argv[1]);
  if (runs < 1 || runs > 1000) runs = 5;
  double t[1000];
  long maxrss = 0;
  for (int r = -1; r < runs; r++) {
    struct timespec a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    pid_t pid = fork();
    if (pid == 0) {
      int fd = open("/dev/null", O_WRONLY);
      dup2(fd, 1);
      execvp(argv[2], argv + 2);
      perror(argv[2]);
      _exit(127);
    }
    int status;
    struct rusage ru;
    if (wait4(pid, &status, 0, &ru) < 0) { perror("wait4"); return 1; }
    clock_gettime(CLOCK_MONOTONIC, &b);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
      fprintf(stderr, "timeit: %s failed (status %d)\n", argv[2], status);
      return 1;
    }
    if (r >= 0) {
      t[r] = (double)(b.tv_sec - a.tv_sec) + (double)(b.tv_nsec - a.tv_nsec) / 1e9;
      if (ru.ru_maxrss > maxrss) maxrss = ru.ru_maxrss;
    }
  }
  qsort(t, (size_t)runs, sizeof t[0], cmp);
  printf("%.6f %ld\n", t[runs / 2], maxrss);
  return 0;
}
