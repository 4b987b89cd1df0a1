// Command recoverydesk is the service-center desk for phones locked by a Mi Account: with no
// command it opens the window; with one it runs it on the command line (see "recoverydesk help").
package main

import "os"

func main() { os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) }
