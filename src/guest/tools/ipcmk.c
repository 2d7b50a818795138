// ipcmk -M SIZE | -Q | -S NSEMS: create a System V IPC object and print its id, like util-linux
// ipcmk(1). The IPC-namespace lesson creates one and lists /proc/sysvipc/* inside and outside.
// https://man7.org/linux/man-pages/man7/ipc_namespaces.7.html
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include "tools.h"

int ipcmk_main(int argc, char **argv) {
  if (argc >= 3 && strcmp(argv[1], "-M") == 0) {
    int id = shmget(IPC_PRIVATE, (size_t)strtoul(argv[2], NULL, 10), IPC_CREAT | 0644);
    if (id < 0) return perror("ipcmk: shmget"), 1;
    printf("Shared memory id: %d\n", id);
  } else if (argc >= 2 && strcmp(argv[1], "-Q") == 0) {
    int id = msgget(IPC_PRIVATE, IPC_CREAT | 0644);
    if (id < 0) return perror("ipcmk: msgget"), 1;
    printf("Message queue id: %d\n", id);
  } else if (argc >= 3 && strcmp(argv[1], "-S") == 0) {
    int id = semget(IPC_PRIVATE, atoi(argv[2]), IPC_CREAT | 0644);
    if (id < 0) return perror("ipcmk: semget"), 1;
    printf("Semaphore id: %d\n", id);
  } else {
    fprintf(stderr, "usage: ipcmk -M SIZE | -Q | -S NSEMS\n");
    return 2;
  }
  return 0;
}
