package ui

import "golang.org/x/sys/windows"

// documentsFolder is the user's Documents known folder, wherever policy has moved it.
func documentsFolder() (string, error) {
	return windows.KnownFolderPath(windows.FOLDERID_Documents, windows.KF_FLAG_DEFAULT)
}
