// The `headroom` executable: everything lives in HeadroomCLI.
import HeadroomCLI

HeadroomCommand.main()
