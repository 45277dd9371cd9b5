// The C library's extended attribute calls (listxattr, getxattr, setxattr), which the
// Glibc and Musl modules leave out; imported only by Sources/InsightsKit/System/.
#include <sys/xattr.h>
