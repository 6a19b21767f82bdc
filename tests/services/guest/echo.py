# Socket activation (t_socket in run-tests.sh): systemd listens on the
# port of micropython@echo.socket, starts this service at the first
# connection and passes the listening socket as fd 3.
import socket
import systemd

lst = socket.socket(fileno=systemd.listen_fds()[0])
systemd.status("serving " + " ".join(systemd.listen_fd_names()))
while True:
    conn, _ = lst.accept()  # the first wait: READY=1
    conn.sendall(b"echo: " + conn.recv(64))
    conn.close()
